/**
 * An editor's day in the admin: write a block with variants, put it on a
 * page, publish both, and be told precisely what is wrong with a bad variant.
 */
import { expect, test, type Page } from '@playwright/test'

import { formStateSettled, logIn, restAsEditor, watchFormState } from './helpers'

/** Picks a select option and lets the admin finish the form-state round trips it causes. */
async function choose(page: Page, fieldId: string, option: string) {
  await page.locator(`#${fieldId} .rs__control`).click()
  await page.locator('.rs__option', { hasText: new RegExp(`^${option}$`) }).click()
  await formStateSettled(page)
}

/** Opens the create form once the admin has hydrated (a click before that is lost). */
async function createBlock(page: Page) {
  watchFormState(page)
  await page.goto('/admin/collections/blocks/create')
  await page.waitForLoadState('networkidle')
  await expect(page.locator('#field-name')).toBeEditable()
}

/**
 * Adds a variant row once the form has settled (a row added while a form-state
 * answer is on its way can stay a loading placeholder). The click is retried,
 * because a click during a re-render can be swallowed, but only while the row
 * is missing: its fields load a round trip later, and a second click would add
 * a second, empty variant.
 */
async function addVariant(page: Page, index: number) {
  await formStateSettled(page)
  const row = page.locator(`#variants-row-${index}`)
  await expect(async () => {
    if ((await row.count()) === 0) await page.getByRole('button', { name: 'Add Variant' }).click()
    await expect(row).toBeAttached({ timeout: 3_000 })
  }).toPass({ timeout: 30_000 })
  await expect(page.locator(`#field-variants__${index}__label`)).toBeVisible()
}

async function writeBody(page: Page, text: string) {
  const editor = page.locator('#field-content [contenteditable="true"]').first()
  await editor.click()
  await page.keyboard.type(text)
}

async function publish(page: Page) {
  // Let the admin finish its form-state round trips, or an answer arriving after the submit's field errors clears them.
  // (Not waitForLoadState('networkidle'): that resolves at once, the page having been idle once since it loaded.)
  await formStateSettled(page)
  await page.getByRole('button', { name: 'Publish changes' }).click()
}

test('an editor creates a block with two variants, adds it to a page and publishes', async ({ page }) => {
  const name = `Winter workshop ${Date.now()}`
  await logIn(page)

  await createBlock(page)
  await page.locator('#field-name').fill(name)
  await page.locator('#field-content__headline').fill('Candle-making in winter')
  await writeBody(page, 'Join us every Saturday.')

  await page.getByRole('button', { name: 'Variants' }).click()
  await addVariant(page, 0)
  await page.locator('#field-variants__0__label').fill('Screens, playful')
  await choose(page, 'field-variants__0__tone', 'Playful')
  await choose(page, 'field-variants__0__length', 'Short')
  await choose(page, 'field-variants__0__channels', 'Screen')
  await page.locator('#field-variants__0__content__headline').fill('Pour your own candle!')

  await addVariant(page, 1)
  await page.locator('#field-variants__1__label').fill('Email, urgent')
  await choose(page, 'field-variants__1__tone', 'Urgent')
  await choose(page, 'field-variants__1__channels', 'Email')
  await page.locator('#field-variants__1__content__headline').fill('Last places this Saturday')

  await publish(page)
  await expect(page).toHaveURL(/\/admin\/collections\/blocks\/\d+/)

  const rest = await restAsEditor(page.request)
  const blocks = await rest(`/api/blocks?where[name][equals]=${encodeURIComponent(name)}&depth=0`)
  expect(blocks.docs).toHaveLength(1)
  const block = blocks.docs[0]
  expect(block._status).toBe('published')
  expect(block.variants.map((variant: { tone: string; channels: string[] }) => [variant.tone, variant.channels])).toEqual([
    ['playful', ['screen']],
    ['urgent', ['email']],
  ])

  await page.goto('/admin/collections/pages')
  await page.getByRole('link', { name: 'Maison Lumen: candles, linen and ceramics' }).click()
  await expect(page.locator('#field-slots')).toBeVisible()
  const slotsBefore = await page.locator('[id^="field-slots__"][id$="__block"]').count()
  await page.getByRole('button', { name: 'Add Slot' }).click()
  const newSlot = `field-slots__${slotsBefore}__block`
  await page.locator(`#${newSlot} .rs__control`).click()
  await page.keyboard.type('Winter workshop')
  await page.locator('.rs__option', { hasText: name }).click()
  await publish(page)
  await expect(page.getByText(/updated successfully|published successfully/i).first()).toBeVisible()

  const pages = await rest('/api/pages?where[slug][equals]=home&depth=0')
  const home = pages.docs[0]
  expect(home._status).toBe('published')
  expect(home.slots.map((slot: { block: number }) => slot.block)).toContain(block.id)
})

test('the admin names the field of a variant that does not differ from the default', async ({ page }) => {
  await logIn(page)
  await createBlock(page)
  await page.locator('#field-name').fill(`Invalid variant ${Date.now()}`)
  await writeBody(page, 'Default copy.')

  await page.getByRole('button', { name: 'Variants' }).click()
  await addVariant(page, 0)
  await page.locator('#field-variants__0__label').fill('Same as default')
  await choose(page, 'field-variants__0__tone', 'Friendly')

  await publish(page)
  // The admin names the field, in the toast and on the field itself.
  await expect(page.getByText(/following field is invalid: Variants.*Tone/i).first()).toBeVisible()
  const toneField = page.locator('#field-variants__0__tone')
  await expect(toneField).toHaveClass(/error/)
  await expect(toneField.getByText(/same tone, length, channels and audience as the default content/i)).toBeAttached()
  await expect(page).toHaveURL(/\/create$/)
})

/** A new block with one variant on one channel, whose headline a standard is about to judge. */
async function blockWithHeadline(page: Page, name: string, variant: { label: string; length?: string; channel: string; headline: string }) {
  await logIn(page)
  await createBlock(page)
  await page.locator('#field-name').fill(`${name} ${Date.now()}`)
  await page.locator('#field-content__headline').fill('Candles tonight')
  await writeBody(page, 'Come and see.')
  await page.getByRole('button', { name: 'Variants' }).click()
  await addVariant(page, 0)
  await page.locator('#field-variants__0__label').fill(variant.label)
  await choose(page, 'field-variants__0__tone', 'Playful')
  if (variant.length) await choose(page, 'field-variants__0__length', variant.length)
  await choose(page, 'field-variants__0__channels', variant.channel)
  await page.locator('#field-variants__0__content__headline').fill(variant.headline)
  await publish(page)
}

test('a 90-character screen headline is refused at publish, on its field, in the editor’s words', async ({ page }) => {
  const ninety = 'Our autumn candles are here: cedar, fig and amber, hand-poured in Lyon for long evenings!!'
  expect(ninety).toHaveLength(90)
  await blockWithHeadline(page, 'Long screen headline', { label: 'Screens', length: 'Short', channel: 'Screen', headline: ninety })
  await expect(page.getByText(/following field is invalid: Variants.*Headline/i).first()).toBeVisible()
  const headline = page.locator('#field-variants__0__content__headline').locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " field-type ")][1]')
  await expect(headline).toHaveClass(/error/)
  await expect(headline.getByText('Screens are read from across the shop: headlines on screens have at most 60 characters; this one has 90')).toBeAttached()
  await expect(page).toHaveURL(/\/create$/)
})

test('a warning-level standard lets the publish through, and the sidebar shows the warning', async ({ page }) => {
  const long = 'Our autumn candles are here at last: cedar, fig and amber, each hand-poured in Lyon for your longest evenings'
  await blockWithHeadline(page, 'Long web headline', { label: 'Web, long', channel: 'Web', headline: long })
  await expect(page).toHaveURL(/\/admin\/collections\/blocks\/\d+/)
  await expect(page.getByTestId('standards-panel')).toContainText(`Warning: Web headlines fit a phone: headlines on the web have at most 90 characters; this one has ${long.length}`)
})
