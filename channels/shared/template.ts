/**
 * One part of a compiled email (HTML, text, subject or preheader), split at
 * its placeholders once at compile time. Filling it for a recipient walks a
 * handful of pieces and joins them: no regular expression runs over the
 * document, which is what keeps a 100,000-recipient send cheap.
 *
 * A hole with neither a value nor a fallback closes up like a person would
 * close it: "Bonjour {{firstName}}," becomes "Bonjour,", and
 * "{{firstName}}, your picks" becomes "Your picks". The decision only depends
 * on the text around the hole, so it is made here, once.
 */
import { escapeHtml } from './html'
import { MARKER, MARKER_END, MARKER_START, type Placeholder, type PlaceholderField } from './placeholders'

/** html: markup; text: the plain-text part; line: a subject or preheader (one line, no markup). */
export type TemplateFormat = 'html' | 'text' | 'line'

type Encoding = 'html' | 'html-url' | 'text' | 'url' | 'line'

export type TemplateSlot = {
  field: PlaceholderField
  encoding: Encoding
  /** The token's fallback, already encoded; empty when it has none. */
  fallback: string
  /** Empty hole before a space or punctuation: drop the space before it. */
  dropSpaceBefore: boolean
  /** Empty hole opening a phrase ("{{firstName}}, …"): the next piece without its separator, capitalised. */
  nextWhenEmpty?: string
}

/** Plain data (JSON-serialisable): a send worker can receive it from a queue. */
export type EmailTemplate = { statics: string[]; slots: TemplateSlot[] }

/** Per-recipient values, trimmed; absent or empty means "unknown". */
export type PlaceholderValues = Partial<Record<PlaceholderField, string>>

const ENCODINGS: Record<TemplateFormat, Record<Placeholder['context'], Encoding>> = {
  html: { text: 'html', url: 'html-url', link: 'html' },
  text: { text: 'text', url: 'url', link: 'text' },
  line: { text: 'line', url: 'line', link: 'line' },
}

function encode(value: string, encoding: Encoding): string {
  switch (encoding) {
    case 'html':
      return escapeHtml(value)
    case 'html-url':
      return escapeHtml(encodeURIComponent(value))
    case 'url':
      return encodeURIComponent(value)
    case 'line':
      // A subject is a mail header: a line break in a value must not start a new one.
      return value.replace(/\s+/g, ' ')
    case 'text':
      return value
  }
}

/** What may follow a word: the end, a space, closing punctuation, a tag. */
const CLOSES_PHRASE = /^(?:$|[\s,.;:!?…)\]}»"'’<])/
/** Where a phrase starts: after a tag, a line break or an opening attribute quote. */
const PHRASE_OPENERS = new Set(['>', '\n', '"'])
const LEADING_SEPARATOR = /^[,;:][ \u00a0]+/
const SPACES = new Set([' ', '\u00a0', '\u202f', '\t'])

export function splitTemplate(marked: string, format: TemplateFormat, placeholders: readonly Placeholder[], locale: string): EmailTemplate {
  const statics: string[] = []
  const found: Placeholder[] = []
  let last = 0
  for (const match of marked.matchAll(MARKER)) {
    const placeholder = placeholders[Number(match[1])]
    if (!placeholder) throw new Error(`Email template: no placeholder #${match[1]}`)
    statics.push(marked.slice(last, match.index))
    found.push(placeholder)
    last = match.index + match[0].length
  }
  statics.push(marked.slice(last))
  if (statics.some((piece) => piece.includes(MARKER_START) || piece.includes(MARKER_END))) {
    throw new Error('Email template: a placeholder marker was altered during rendering')
  }

  const slots = found.map((placeholder, index): TemplateSlot => {
    const encoding = ENCODINGS[format][placeholder.context]
    const before = statics[index]!
    const after = statics[index + 1]!
    const slot: TemplateSlot = {
      field: placeholder.field,
      encoding,
      fallback: placeholder.fallback ? encode(placeholder.fallback, encoding) : '',
      dropSpaceBefore: CLOSES_PHRASE.test(after),
    }
    // An empty piece between two holes is no phrase start: the hole before it may be filled.
    const opensPhrase = before === '' ? index === 0 : PHRASE_OPENERS.has(before.charAt(before.length - 1))
    const separator = opensPhrase ? LEADING_SEPARATOR.exec(after) : null
    if (separator) {
      const rest = after.slice(separator[0].length)
      slot.nextWhenEmpty = rest.charAt(0).toLocaleUpperCase(locale) + rest.slice(1)
    }
    return slot
  })
  return { statics, slots }
}

function dropTrailingSpace(pieces: string[]): void {
  for (let index = pieces.length - 1; index >= 0; index--) {
    const piece = pieces[index]!
    if (piece === '') continue
    if (SPACES.has(piece.charAt(piece.length - 1))) pieces[index] = piece.slice(0, -1)
    return
  }
}

export function fillTemplate(template: EmailTemplate, values: PlaceholderValues): string {
  const { statics, slots } = template
  if (slots.length === 0) return statics[0]!
  const pieces: string[] = []
  let next = statics[0]!
  for (let index = 0; index < slots.length; index++) {
    pieces.push(next)
    next = statics[index + 1]!
    const slot = slots[index]!
    const value = values[slot.field]
    if (value) pieces.push(encode(value, slot.encoding))
    else if (slot.fallback) pieces.push(slot.fallback)
    else if (slot.nextWhenEmpty !== undefined) next = slot.nextWhenEmpty
    else if (slot.dropSpaceBefore) dropTrailingSpace(pieces)
  }
  pieces.push(next)
  return pieces.join('')
}
