/** The reference page's script, from our own installation. */
import { handleApiReferenceScript } from '../../../../delivery/api'

export const GET = handleApiReferenceScript
