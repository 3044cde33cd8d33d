/**
 * The OpenAPI document and the typed client are made from the handlers' own
 * schemas; what is committed must be what they make today, and it must be a
 * valid OpenAPI 3.1 document.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { createConfig, lintFromString } from '@redocly/openapi-core'
import { describe, expect, it } from 'vitest'

import { clientTypesSource, openApiText } from '../../scripts/openapiSources'

const root = path.resolve(import.meta.dirname, '../..')
const committed = (file: string) => readFileSync(path.join(root, file), 'utf8')

describe('the OpenAPI document', () => {
  it('is up to date with the handlers’ schemas (run `npm run openapi` after changing them)', () => {
    expect(committed('openapi.json')).toBe(openApiText())
  })

  it('and the typed client’s types are up to date with it', async () => {
    expect(committed('client/schema.d.ts')).toBe(await clientTypesSource())
  }, 30_000)

  it('is a valid OpenAPI 3.1 document by Redocly’s recommended rules (no errors)', async () => {
    const config = await createConfig({ extends: ['recommended'] })
    const problems = await lintFromString({ source: openApiText(), absoluteRef: path.join(root, 'openapi.json'), config })
    const errors = problems.filter((problem) => problem.severity === 'error').map((problem) => `${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer}`)
    expect(errors).toEqual([])
  })

  it('covers every public endpoint, with errors and authentication', () => {
    const document = JSON.parse(openApiText()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>>; components: { securitySchemes: object } }
    expect(Object.keys(document.paths).sort()).toEqual(['/api/consent', '/api/events', '/api/experiments/{key}/exposures', '/api/experiments/{key}/results', '/api/health', '/api/identify', '/api/preferences', '/api/render/{slug}', '/api/render/{slug}/batch', '/api/unsubscribe'])
    expect(document.components.securitySchemes).toHaveProperty('apiKey')
    expect(Object.keys(document.paths['/api/render/{slug}']!.get!.responses)).toEqual(expect.arrayContaining(['200', '304', '400', '401', '404', '429']))
  })
})
