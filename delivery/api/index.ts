/**
 * The api room: the public contract. The OpenAPI document made from the
 * handlers' own zod schemas, and the reference page that shows it.
 */
export { handleApiReference, handleApiReferenceScript } from './apiReference'
export { openApiDocument } from './openApiDocument'
