/** The admin's code editor (monaco) from our own installation: /admin/monaco/<version>/vs/… (collections/admin/codeEditor). */
import { packageFilesRoute } from '../../../../../../delivery/http'

export const GET = packageFilesRoute('monaco-editor', 'min')
