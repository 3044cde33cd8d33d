/** Maison Lumen's experience standards: what its editors agreed every published piece meets. */
import type { Standard } from '../../collections/payload-types'

type StandardData = Omit<Standard, 'id' | 'createdAt' | 'updatedAt'>

export const DEMO_STANDARDS: StandardData[] = [
  { name: 'Screens are read from across the shop', rule: 'headlineLength', channel: 'screen', max: 60, level: 'blocking', active: true },
  { name: 'Web headlines fit a phone', rule: 'headlineLength', channel: 'web', max: 90, level: 'warning', active: true },
  { name: 'Subject lines fit the inbox', rule: 'subjectLength', channel: 'email', max: 60, level: 'blocking', active: true },
  { name: 'Preheaders fill the preview line', rule: 'preheaderLength', channel: 'email', min: 40, max: 130, level: 'warning', active: true },
  { name: 'Screen images are sharp at Full HD', rule: 'imageResolution', channel: 'screen', minWidth: 1280, minHeight: 720, level: 'warning', active: true },
  { name: 'Every offer says what to do next', rule: 'offerCta', kind: 'offer', level: 'blocking', active: true },
  { name: 'Formal copy stays calm', rule: 'toneWords', tone: 'formal', words: ['hurry', 'dépêchez-vous', 'cheap', 'pas cher', 'OMG'], level: 'blocking', active: true },
  { name: 'Emails are never clipped by Gmail', rule: 'emailSize', channel: 'email', max: 102 * 1024, level: 'blocking', active: true },
]
