/**
 * npm run openapi: writes openapi.json from the handlers' schemas, and the
 * typed client's types (client/schema.d.ts) from it. Both are committed; a
 * test fails when either is out of date.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'

import { clientTypesSource, openApiText } from './openapiSources'

const root = path.resolve(import.meta.dirname, '..')
writeFileSync(path.join(root, 'openapi.json'), openApiText())
writeFileSync(path.join(root, 'client/schema.d.ts'), await clientTypesSource())
console.log('Wrote openapi.json and client/schema.d.ts')
