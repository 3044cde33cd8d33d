import * as migration_20261122_223934_initial from './20261122_223934_initial';
import * as migration_20261122_230204_delivery_snapshots from './20261122_230204_delivery_snapshots';
import * as migration_20261122_232622_stores_and_purposes from './20261122_232622_stores_and_purposes';
import * as migration_20261123_000233_profiles_events_behaviour from './20261123_000233_profiles_events_behaviour';
import * as migration_20261201_234155_event_application from './20261201_234155_event_application';
import * as migration_20261202_045813_experiments from './20261202_045813_experiments';
import * as migration_20261202_055039_sharing_outbox_webhooks from './20261202_055039_sharing_outbox_webhooks';
import * as migration_20261202_060645_exposure_results_index from './20261202_060645_exposure_results_index';
import * as migration_20261202_064246_workbench_standards from './20261202_064246_workbench_standards';
import * as migration_20261202_065454_profiling_questions_scores from './20261202_065454_profiling_questions_scores';
import * as migration_20261202_110000_profiles_texts_parent_index from './20261202_110000_profiles_texts_parent_index';
import * as migration_20261202_163117_exposure_covering_indexes from './20261202_163117_exposure_covering_indexes';
import * as migration_20261203_130000_locales_parent_indexes from './20261203_130000_locales_parent_indexes';

export const migrations = [
  {
    up: migration_20261122_223934_initial.up,
    down: migration_20261122_223934_initial.down,
    name: '20261122_223934_initial',
  },
  {
    up: migration_20261122_230204_delivery_snapshots.up,
    down: migration_20261122_230204_delivery_snapshots.down,
    name: '20261122_230204_delivery_snapshots',
  },
  {
    up: migration_20261122_232622_stores_and_purposes.up,
    down: migration_20261122_232622_stores_and_purposes.down,
    name: '20261122_232622_stores_and_purposes',
  },
  {
    up: migration_20261123_000233_profiles_events_behaviour.up,
    down: migration_20261123_000233_profiles_events_behaviour.down,
    name: '20261123_000233_profiles_events_behaviour',
  },
  {
    up: migration_20261201_234155_event_application.up,
    down: migration_20261201_234155_event_application.down,
    name: '20261201_234155_event_application',
  },
  {
    up: migration_20261202_045813_experiments.up,
    down: migration_20261202_045813_experiments.down,
    name: '20261202_045813_experiments',
  },
  {
    up: migration_20261202_055039_sharing_outbox_webhooks.up,
    down: migration_20261202_055039_sharing_outbox_webhooks.down,
    name: '20261202_055039_sharing_outbox_webhooks',
  },
  {
    up: migration_20261202_060645_exposure_results_index.up,
    down: migration_20261202_060645_exposure_results_index.down,
    name: '20261202_060645_exposure_results_index',
  },
  {
    up: migration_20261202_064246_workbench_standards.up,
    down: migration_20261202_064246_workbench_standards.down,
    name: '20261202_064246_workbench_standards',
  },
  {
    up: migration_20261202_065454_profiling_questions_scores.up,
    down: migration_20261202_065454_profiling_questions_scores.down,
    name: '20261202_065454_profiling_questions_scores',
  },
  {
    up: migration_20261202_110000_profiles_texts_parent_index.up,
    down: migration_20261202_110000_profiles_texts_parent_index.down,
    name: '20261202_110000_profiles_texts_parent_index',
  },
  {
    up: migration_20261202_163117_exposure_covering_indexes.up,
    down: migration_20261202_163117_exposure_covering_indexes.down,
    name: '20261202_163117_exposure_covering_indexes'
  },
  {
    up: migration_20261203_130000_locales_parent_indexes.up,
    down: migration_20261203_130000_locales_parent_indexes.down,
    name: '20261203_130000_locales_parent_indexes',
  },
];
