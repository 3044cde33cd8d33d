/**
 * The experiments room's door. For now: the statistics of results, pure and
 * computed from per-arm sufficient statistics. Assignment lives in the engine
 * (engine/experiments.ts); exposures, metrics and the results endpoint come
 * later, behind this same door.
 */
export { chanceToBeatControl } from './bayesian'
export { chiSquareSurvival, normalCdf, normalQuantile, studentTCdf, studentTQuantile, studentTTwoSided } from './distributions'
export { cupedTheta, EFFECT_SCALES, effectOf, isEffect, welchSatterthwaite, type Effect, type EffectScale, type NoEffect } from './effects'
export { tTest, welchTest, type TestResult } from './fixedHorizon'
export {
  DEFAULT_MAXIMUM_CONTROL_RELATIVE_ERROR,
  DEFAULT_MINIMUM_UNITS_PER_ARM,
  enoughDataForVerdict,
  MULTIPLE_EXPOSURES_THRESHOLD,
  multipleExposuresCheck,
  sampleRatioCheck,
  SRM_P_VALUE_THRESHOLD,
  type DataRequirements,
  type MultipleExposuresCheck,
  type SampleRatioCheck,
} from './health'
export { holmAdjusted } from './multipleTesting'
export { confidenceSequence, DEFAULT_SEQUENTIAL_TUNING, sequentialRho, type SequentialResult } from './sequential'
export {
  experimentStatistics,
  ExperimentStatisticsInputSchema,
  INFERENCE_VIEWS,
  ResultsOptionsSchema,
  type ArmComparison,
  type ArmResult,
  type ExperimentStatistics,
  type ExperimentStatisticsInput,
  type Inference,
  type InferenceView,
  type ResultsOptions,
  type Verdict,
} from './statistics'
export {
  ArmStatisticsSchema,
  binomialArmStatistics,
  CovariateSumsSchema,
  meanOf,
  mergeArmStatistics,
  summarizeUnits,
  summaryOf,
  varianceOf,
  type ArmStatistics,
  type CovariateSums,
  type MeanSummary,
} from './sufficientStatistics'
export { METRIC_KINDS, METRIC_ROLES, SURVEY_METRIC_KINDS, MetricDefinitionSchema, isSurveyMetric, metricsOf, surveyPoints, type MetricDefinition, type MetricKind, type MetricRole } from './metrics'
export { experimentRequestOf } from './experimentUnits'
export {
  dropUnwrittenExposures,
  EXPOSURE_BATCH,
  EXPOSURE_FLUSH_MS,
  EXPOSURE_MAX_LOSS,
  flushExposures,
  recordExposures,
  unwrittenExposures,
  type Exposure,
} from './exposureRecorder'
export { servedExposures, type ServedDecision } from './servedExposures'
export { EXPORT_COLUMNS, EXPOSURE_EXPORT_FORMATS, ExposureExportQuerySchema } from './exposureExport'
export { experimentResults, ExperimentResultsSchema, findExperiment, ResultsQuerySchema, type ExperimentResults, type ResultsSource } from './results'
export { BREAKDOWNS, type Breakdown } from './resultsQuery'
export { handleExperimentResults, handleExposureExport } from './resultsRequest'
