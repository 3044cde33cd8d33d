/**
 * Placeholders: the holes a compiled email leaves for per-recipient values.
 *
 * Editors write tokens in their copy: `{{firstName}}`, or with a fallback,
 * `{{firstName|friend}}`. Compiling swaps each token (and each footer link)
 * for a marker made of private-use characters: no escaper, MJML or the CSS
 * inliner changes them, and editor text can never contain them (they are
 * stripped). The compiled HTML and text are split at the markers once (see
 * emailTemplate.ts), so a recipient costs a few string joins.
 */

export const RECIPIENT_FIELDS = ['firstName', 'lastName', 'store', 'offerCode'] as const
export type RecipientField = (typeof RECIPIENT_FIELDS)[number]

/**
 * Every link to our own site ends with the recipient's signed visit token
 * (`?tessera=…`, or `&tessera=…` after a query), so the pages they open know
 * who they are without a raw id in the URL; nothing is added when the send
 * names no one. One-click answers carry the recipient's signed answer token
 * (`answerToken`, channels/email: ask blocks).
 */
export const LINK_FIELDS = ['unsubscribeUrl', 'preferencesUrl', 'visitQueryFirst', 'visitQueryNext', 'answerToken'] as const
export type LinkField = (typeof LINK_FIELDS)[number]

export type PlaceholderField = RecipientField | LinkField

/**
 * Where a placeholder sits, which decides how its value is encoded:
 * words of copy; a piece of a URL (percent-encoded); a whole URL handed to
 * us by the sender (the footer links).
 */
export type PlaceholderContext = 'text' | 'url' | 'link'

export type Placeholder = { field: PlaceholderField; context: PlaceholderContext; fallback: string }

export const MARKER_START = '\uE000'
export const MARKER_END = '\uE001'
/** Finds markers in compiled output; `g` flag: reset `lastIndex` or use matchAll. */
export const MARKER = /\uE000(\d+)\uE001/g

const MARKER_CHARACTERS = /[\uE000\uE001]/g
const TOKEN = /\{\{\s*([A-Za-z]+)\s*(?:\|([^{}]*))?\}\}/g
const isRecipientField = (name: string): name is RecipientField => (RECIPIENT_FIELDS as readonly string[]).includes(name)

/** Collects the placeholders of one email while its content is prepared. */
export class PlaceholderSet {
  readonly placeholders: Placeholder[] = []
  /** Tokens with a name we do not know, left in the copy as written. */
  readonly unknownTokens = new Set<string>()
  private readonly indexes = new Map<string, number>()

  /** Editor text with its tokens replaced by markers (and any stray marker characters removed). */
  mark(text: string, context: 'text' | 'url' = 'text'): string {
    return text.replace(MARKER_CHARACTERS, '').replace(TOKEN, (token, name: string, fallback: string | undefined) => {
      if (!isRecipientField(name)) {
        this.unknownTokens.add(token)
        return token
      }
      return this.marker({ field: name, context, fallback: fallback?.trim() ?? '' })
    })
  }

  /** A marker for one of the sender's per-recipient links. */
  link(field: LinkField): string {
    return this.marker({ field, context: 'link', fallback: '' })
  }

  private marker(placeholder: Placeholder): string {
    const key = `${placeholder.field}\u0000${placeholder.context}\u0000${placeholder.fallback}`
    let index = this.indexes.get(key)
    if (index === undefined) {
      index = this.placeholders.push(placeholder) - 1
      this.indexes.set(key, index)
    }
    return `${MARKER_START}${index}${MARKER_END}`
  }
}
