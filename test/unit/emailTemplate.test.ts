import { describe, expect, it } from 'vitest'

import { fillTemplate, splitTemplate, type PlaceholderValues, type TemplateFormat } from '../../channels/shared/template'
import { PlaceholderSet } from '../../channels/shared/placeholders'

/** Marks editor copy, splits it as compile does, and returns a filler. */
function template(copy: string, format: TemplateFormat = 'text', context: 'text' | 'url' = 'text') {
  const placeholders = new PlaceholderSet()
  const compiled = splitTemplate(placeholders.mark(copy, context), format, placeholders.placeholders, 'fr-FR')
  return { compiled, placeholders, fill: (values: PlaceholderValues = {}) => fillTemplate(compiled, values) }
}

describe('personalization tokens', () => {
  it('are replaced by the recipient’s value', () => {
    const { fill } = template('Bonjour {{firstName}} {{lastName}}, à bientôt à {{store}}. Code {{offerCode}}.')
    expect(fill({ firstName: 'Zoé', lastName: 'Martin', store: 'Lyon Bellecour', offerCode: 'ZOE10' })).toBe(
      'Bonjour Zoé Martin, à bientôt à Lyon Bellecour. Code ZOE10.',
    )
  })

  it('fall back to the text after the pipe when the value is missing', () => {
    const { fill } = template('Hello {{firstName|friend}}!')
    expect(fill()).toBe('Hello friend!')
    expect(fill({ firstName: 'Ann' })).toBe('Hello Ann!')
  })

  it('tolerate spaces inside the braces', () => {
    expect(template('Hi {{ firstName | there }}!').fill()).toBe('Hi there!')
  })

  describe('without a value or fallback, disappear cleanly', () => {
    const cases: [string, string][] = [
      ['Bonjour {{firstName}},', 'Bonjour,'],
      ['Hello {{firstName}}!', 'Hello!'],
      ['Merci {{firstName}} pour votre visite', 'Merci pour votre visite'],
      ['Bonjour {{firstName}} !', 'Bonjour !'],
      ['Dear {{firstName}} {{lastName}},', 'Dear,'],
      ['See you {{firstName}}', 'See you'],
      ['{{firstName}}, your autumn picks', 'Your autumn picks'],
      ['{{firstName}}, vos coups de cœur', 'Vos coups de cœur'],
      ['Line one\n{{firstName}}, line two', 'Line one\nLine two'],
    ]
    it.each(cases)('%j becomes %j', (copy, expected) => {
      const filled = template(copy).fill()
      expect(filled).toBe(expected)
      expect(filled).not.toMatch(/undefined|null|\{\{/)
    })
  })

  it('close up around whichever of two neighbouring values is missing', () => {
    const { fill } = template('Dear {{firstName}} {{lastName}},')
    expect(fill({ firstName: 'Ann' })).toBe('Dear Ann,')
    expect(fill({ lastName: 'Martin' })).toBe('Dear Martin,')
    expect(fill({ firstName: 'Ann', lastName: 'Martin' })).toBe('Dear Ann Martin,')
  })

  it('leave unknown names as written, and report them', () => {
    const { fill, placeholders } = template('Hi {{nickname}} {{firstName}}')
    expect(fill({ firstName: 'Ann' })).toBe('Hi {{nickname}} Ann')
    expect([...placeholders.unknownTokens]).toEqual(['{{nickname}}'])
  })

  it('cannot be forged: marker characters in editor copy are removed', () => {
    const { fill } = template('A\uE0000\uE001B {{firstName}}')
    expect(fill({ firstName: 'Ann' })).toBe('A0B Ann')
  })
})

describe('a filled template', () => {
  it('escapes values for HTML in the HTML part, fallback included', () => {
    const { fill } = template('<p>Bonjour {{firstName|M & Mme}}</p>', 'html')
    expect(fill({ firstName: '<img src=x onerror=alert(1)> "Zoé"' })).toBe('<p>Bonjour &lt;img src=x onerror=alert(1)&gt; &quot;Zoé&quot;</p>')
    expect(fill()).toBe('<p>Bonjour M &amp; Mme</p>')
  })

  it('leaves values as written in the text part', () => {
    expect(template('Bonjour {{firstName}}', 'text').fill({ firstName: 'A & <B>' })).toBe('Bonjour A & <B>')
  })

  it('percent-encodes values inside a URL (and HTML-escapes them in the HTML part)', () => {
    expect(template('https://shop.example/c?code={{offerCode}}&x=1', 'text', 'url').fill({ offerCode: 'A B&C' })).toBe(
      'https://shop.example/c?code=A%20B%26C&x=1',
    )
    expect(template('https://shop.example/c?code={{offerCode|AUTUMN 20}}', 'html', 'url').fill()).toBe('https://shop.example/c?code=AUTUMN%2020')
  })

  it('keeps a subject or preheader on one line', () => {
    expect(template('Pour {{firstName}} seulement', 'line').fill({ firstName: 'Zoé\r\nBcc: someone@example.com' })).toBe(
      'Pour Zoé Bcc: someone@example.com seulement',
    )
  })

  it('is plain data that survives JSON (a send worker may receive it from a queue)', () => {
    const { compiled } = template('Bonjour {{firstName}},', 'html')
    const copy = JSON.parse(JSON.stringify(compiled)) as typeof compiled
    expect(fillTemplate(copy, {})).toBe('Bonjour,')
    expect(fillTemplate(copy, { firstName: 'Zoé' })).toBe('Bonjour Zoé,')
  })

  it('refuses output in which a marker was altered on the way', () => {
    const placeholders = new PlaceholderSet()
    const marked = placeholders.mark('Hi {{firstName}}')
    expect(() => splitTemplate(marked.replace('\uE001', ''), 'html', placeholders.placeholders, 'en-GB')).toThrow(/marker was altered/)
  })
})
