import type { CollectionConfig } from 'payload'

import { deliveryHooks } from '../../../delivery/snapshot'
import { CHANNELS, QUESTION_TYPES, TRAIT_KEY } from '../../../engine'
import { contentAccess } from '../../access'
import { questionEndpoints } from './endpoints'

const TYPE_LABELS: Record<(typeof QUESTION_TYPES)[number], string> = {
  text: 'Text',
  email: 'Email address',
  single: 'Single choice',
  multiple: 'Multiple choice',
  number: 'Number',
  yes_no: 'Yes / no',
  date: 'Date',
  nps: 'NPS survey (0–10)',
  ces: 'CES survey (1–7)',
  csat: 'CSAT survey (1–5)',
}

const isChoice = (data: { type?: string } | undefined) => data?.type === 'single' || data?.type === 'multiple'
const isSurveyType = (data: { type?: string } | undefined) => data?.type === 'nps' || data?.type === 'ces' || data?.type === 'csat'

/**
 * What touchpoints may ask a person, one trait at a time (progressive
 * profiling), and the NPS / CES / CSAT surveys. An ask block in a page slot
 * asks the next question this person has not answered; the engine chooses
 * (engine/questions.ts). Answers become traits of the profile.
 */
export const Questions: CollectionConfig = {
  slug: 'questions',
  admin: {
    useAsTitle: 'trait',
    defaultColumns: ['trait', 'type', 'priority', 'purpose'],
    group: 'Personalization',
    description: 'Questions fill one trait each and are never asked once it is known; surveys measure NPS, CES and CSAT.',
    components: { beforeList: ['/collections/personalization/questions/CxBoard#CxBoard'] },
  },
  access: contentAccess,
  hooks: deliveryHooks,
  endpoints: questionEndpoints,
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'trait',
          type: 'text',
          required: true,
          unique: true,
          admin: { width: '50%', description: 'The trait an answer fills, e.g. firstName; a survey keeps its latest score here (NPS also <trait>Group).' },
          validate: (value: null | string | undefined) => (value && TRAIT_KEY.test(value)) || 'A trait name starts with a letter: letters, digits, “_”, “-”, “.”',
        },
        { name: 'type', type: 'select', required: true, defaultValue: 'text', options: QUESTION_TYPES.map((value) => ({ value, label: TYPE_LABELS[value] })), admin: { width: '50%' } },
      ],
    },
    { name: 'text', type: 'text', required: true, localized: true, label: 'Question', admin: { description: 'As the person reads it, per language.' } },
    {
      name: 'followUp',
      type: 'text',
      localized: true,
      label: 'Open follow-up',
      admin: { condition: (data) => isSurveyType(data), description: 'Optional, e.g. “What is the main reason for your score?”' },
    },
    {
      name: 'options',
      type: 'array',
      admin: { condition: (data) => isChoice(data) },
      fields: [
        { name: 'value', type: 'text', required: true, admin: { description: 'Stored in the trait, e.g. candles.' } },
        { name: 'label', type: 'text', localized: true, required: true },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'priority', type: 'number', defaultValue: 0, admin: { width: '25%', description: 'Higher is asked first.' } },
        { name: 'cooldownDays', type: 'number', defaultValue: 30, min: 0, admin: { width: '25%', description: 'After a skip or decline, wait this many days.' } },
        {
          name: 'fatigueDays',
          type: 'number',
          defaultValue: 30,
          min: 0,
          admin: { width: '25%', condition: (data) => isSurveyType(data), description: 'No survey within this many days of the last one, on any channel.' },
        },
        {
          name: 'channels',
          type: 'select',
          hasMany: true,
          options: CHANNELS.map((value) => ({ value, label: value })),
          admin: { width: '25%', description: 'Empty: every channel.' },
        },
      ],
    },
    {
      name: 'purpose',
      type: 'relationship',
      relationTo: 'consent-purposes',
      required: true,
      admin: { description: 'Answers are stored only with this consent (and personalization).' },
    },
    {
      type: 'collapsible',
      label: 'Prerequisites',
      fields: [
        { name: 'requiresTraits', type: 'text', hasMany: true, admin: { description: 'Ask only once these traits are known.' } },
        { name: 'requiresSegments', type: 'relationship', relationTo: 'segments', hasMany: true, admin: { description: 'Ask only people in one of these segments.' } },
      ],
    },
    {
      name: 'results',
      type: 'ui',
      admin: { condition: (data) => isSurveyType(data), components: { Field: '/collections/personalization/questions/SurveyDashboard#SurveyDashboard' } },
    },
  ],
}
