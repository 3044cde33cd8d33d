import * as migration_20261122_223939_initial from './20261122_223939_initial';
import * as migration_20261122_230210_delivery_snapshots from './20261122_230210_delivery_snapshots';
import * as migration_20261122_232628_stores_and_purposes from './20261122_232628_stores_and_purposes';
import * as migration_20261123_000239_profiles_events_behaviour from './20261123_000239_profiles_events_behaviour';
import * as migration_20261201_234214_event_application from './20261201_234214_event_application';
import * as migration_20261202_045825_experiments from './20261202_045825_experiments';
import * as migration_20261202_055114_sharing_outbox_webhooks from './20261202_055114_sharing_outbox_webhooks';
import * as migration_20261202_060658_exposure_results_index from './20261202_060658_exposure_results_index';
import * as migration_20261202_063210_api_key_delivery_scope from './20261202_063210_api_key_delivery_scope';
import * as migration_20261202_064205_workbench_standards from './20261202_064205_workbench_standards';
import * as migration_20261202_065522_profiling_questions_scores from './20261202_065522_profiling_questions_scores';
import * as migration_20261202_110000_profiles_texts_parent_index from './20261202_110000_profiles_texts_parent_index';
import * as migration_20261202_163130_exposure_covering_indexes from './20261202_163130_exposure_covering_indexes';
import * as migration_20261202_164321_survey_metric_kinds from './20261202_164321_survey_metric_kinds';
import * as migration_20261203_130000_locales_parent_indexes from './20261203_130000_locales_parent_indexes';

export const migrations = [
  {
    up: migration_20261122_223939_initial.up,
    down: migration_20261122_223939_initial.down,
    name: '20261122_223939_initial',
  },
  {
    up: migration_20261122_230210_delivery_snapshots.up,
    down: migration_20261122_230210_delivery_snapshots.down,
    name: '20261122_230210_delivery_snapshots',
  },
  {
    up: migration_20261122_232628_stores_and_purposes.up,
    down: migration_20261122_232628_stores_and_purposes.down,
    name: '20261122_232628_stores_and_purposes',
  },
  {
    up: migration_20261123_000239_profiles_events_behaviour.up,
    down: migration_20261123_000239_profiles_events_behaviour.down,
    name: '20261123_000239_profiles_events_behaviour',
  },
  {
    up: migration_20261201_234214_event_application.up,
    down: migration_20261201_234214_event_application.down,
    name: '20261201_234214_event_application',
  },
  {
    up: migration_20261202_045825_experiments.up,
    down: migration_20261202_045825_experiments.down,
    name: '20261202_045825_experiments',
  },
  {
    up: migration_20261202_055114_sharing_outbox_webhooks.up,
    down: migration_20261202_055114_sharing_outbox_webhooks.down,
    name: '20261202_055114_sharing_outbox_webhooks',
  },
  {
    up: migration_20261202_060658_exposure_results_index.up,
    down: migration_20261202_060658_exposure_results_index.down,
    name: '20261202_060658_exposure_results_index',
  },
  {
    up: migration_20261202_063210_api_key_delivery_scope.up,
    down: migration_20261202_063210_api_key_delivery_scope.down,
    name: '20261202_063210_api_key_delivery_scope',
  },
  {
    up: migration_20261202_064205_workbench_standards.up,
    down: migration_20261202_064205_workbench_standards.down,
    name: '20261202_064205_workbench_standards',
  },
  {
    up: migration_20261202_065522_profiling_questions_scores.up,
    down: migration_20261202_065522_profiling_questions_scores.down,
    name: '20261202_065522_profiling_questions_scores',
  },
  {
    up: migration_20261202_110000_profiles_texts_parent_index.up,
    down: migration_20261202_110000_profiles_texts_parent_index.down,
    name: '20261202_110000_profiles_texts_parent_index',
  },
  {
    up: migration_20261202_163130_exposure_covering_indexes.up,
    down: migration_20261202_163130_exposure_covering_indexes.down,
    name: '20261202_163130_exposure_covering_indexes',
  },
  {
    up: migration_20261202_164321_survey_metric_kinds.up,
    down: migration_20261202_164321_survey_metric_kinds.down,
    name: '20261202_164321_survey_metric_kinds'
  },
  {
    up: migration_20261203_130000_locales_parent_indexes.up,
    down: migration_20261203_130000_locales_parent_indexes.down,
    name: '20261203_130000_locales_parent_indexes',
  },
];
