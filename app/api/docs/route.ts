/** The API reference page, over /api/openapi.json. */
import { handleApiReference } from '../../../delivery/api'

export const GET = handleApiReference
