import type { CollectionConfig, GlobalConfig } from 'payload'

import { requestCompile } from '../../../delivery/snapshot'
import { CHANNELS, EXPERIMENT_UNITS } from '../../../engine'
import { isEditor, isStaff } from '../../access'

const nobody = () => false

/**
 * Who saw which arm: one row per unit × experiment × phase, written by the
 * exposure recorder (delivery/experiments) off the request path. The first
 * exposure's time, channel, locale, segment and store are kept for
 * breakdowns; later exposures only count.
 */
export const ExperimentExposures: CollectionConfig = {
  slug: 'experiment-exposures',
  labels: { singular: 'Exposure', plural: 'Exposures' },
  admin: {
    group: 'Personalization',
    useAsTitle: 'unit',
    defaultColumns: ['experiment', 'phase', 'arm', 'unit', 'channel', 'firstAt', 'count'],
    description: 'Recorded when content of an enrolled unit is actually served; never from previews. Export them from an experiment’s results.',
  },
  access: { read: isStaff, create: nobody, update: nobody, delete: nobody },
  // Results (delivery/experiments/resultsQuery.ts) count units per arm of a phase, and the rows marked
  // multiple, from the first index alone; they reach a metric event's exposure through the second
  // without reading the table (1,000,000 exposures answer well under a second on SQLite).
  indexes: [{ fields: ['experiment', 'phase', 'multiple', 'arm'] }, { fields: ['profile', 'experiment', 'phase', 'multiple', 'arm', 'firstAt'] }],
  fields: [
    /** `experiment|phase|unit`: a retried or repeated exposure finds its row. */
    { name: 'dedupeKey', type: 'text', required: true, unique: true, index: true, admin: { hidden: true } },
    { name: 'experiment', type: 'text', required: true, index: true },
    { name: 'phase', type: 'number', required: true },
    { name: 'arm', type: 'text', required: true },
    { name: 'unitKind', type: 'select', required: true, options: EXPERIMENT_UNITS.map((value) => ({ label: value, value })) },
    { name: 'unit', type: 'text', required: true, admin: { description: 'profile:<id>, visitor:<id>, customer:<id> or store:<id>.' } },
    { name: 'profile', type: 'relationship', relationTo: 'profiles', index: true },
    { name: 'channel', type: 'select', required: true, options: CHANNELS.map((value) => ({ label: value, value })) },
    { name: 'locale', type: 'text' },
    { name: 'segment', type: 'text', admin: { description: 'The highest-priority segment the unit was in at its first exposure (“none” otherwise).' } },
    { name: 'store', type: 'text' },
    { name: 'firstAt', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'lastAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'count', type: 'number', required: true, defaultValue: 1 },
    { name: 'multiple', type: 'checkbox', defaultValue: false, admin: { description: 'The unit was also served another arm in this phase.' } },
  ],
}

/** Site-wide experiment settings: the holdout. */
export const ExperimentSettings: GlobalConfig = {
  slug: 'experiment-settings',
  label: 'Experiment settings',
  admin: { group: 'Personalization' },
  access: { read: isStaff, update: isEditor },
  // The holdout is compiled into the snapshot.
  hooks: { afterChange: [({ req, doc }) => (requestCompile(req.payload, 'experiment-settings update'), doc)] },
  fields: [
    {
      name: 'holdoutPercent',
      type: 'number',
      defaultValue: 0,
      min: 0,
      max: 50,
      admin: { description: 'Share of people (in %) never enrolled in any experiment: they measure what all experiments together changed.' },
    },
  ],
}
