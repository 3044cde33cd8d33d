/**
 * The TypeScript snippets README shows (the headless site's typed client, the
 * NATS consumer in ten lines) compile against the packages and the client in
 * this repository: a renamed export or a wrong field fails here, not in a
 * reader's editor.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import ts from 'typescript'
import { afterAll, describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const scratch = path.join(root, 'test/unit/.readme-snippets')

/** The ```ts blocks of README.md that start with `firstLine`. */
function snippet(firstLine: string): string {
  const blocks = [...readFileSync(path.join(root, 'README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!)
  const found = blocks.filter((block) => block.startsWith(firstLine))
  expect(found, `one README snippet starting with ${firstLine}`).toHaveLength(1)
  return found[0]!
}

function diagnostics(name: string, source: string): string[] {
  mkdirSync(scratch, { recursive: true })
  const file = path.join(scratch, `${name}.ts`)
  writeFileSync(file, source)
  const { config } = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile)
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root)
  const program = ts.createProgram([file], { ...options, incremental: false, noEmit: true })
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => `${diagnostic.file ? path.relative(root, diagnostic.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`)
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('README snippets', () => {
  it('the headless site’s typed client compiles', () => {
    const source = snippet("import { createTesseraClient, renderPage } from './client'").replace("from './client'", "from '../../../client'")
    expect(diagnostics('typedClient', `${source}\nexport {}\n`)).toEqual([])
  }, 60_000)

  it('the NATS consumer in ten lines compiles', () => {
    const source = snippet("import { jetstream } from '@nats-io/jetstream'")
    expect(source.trim().split('\n').length).toBeLessThanOrEqual(10)
    expect(diagnostics('natsConsumer', `${source}\nexport {}\n`)).toEqual([])
  }, 60_000)

  it('fails on a wrong field (the check can fail)', () => {
    const source = snippet("import { createTesseraClient, renderPage } from './client'").replace("from './client'", "from '../../../client'").replace('block.content.headline', 'block.contents.headline')
    expect(diagnostics('wrongField', `${source}\nexport {}\n`).join('\n')).toContain('contents')
  }, 60_000)
})
