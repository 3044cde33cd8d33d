/**
 * The engine's one door. Everything outside engine/ imports from here: the
 * shapes (axes, snapshot, context, segment rules) and the pure functions that
 * decide (resolvePage, evaluateSegments, assign for experiments). Files
 * behind it are internals.
 */
export * from './axes'
export * from './snapshot'
export {
  decisionContext,
  isTimeZone,
  localTime,
  daypartAt,
  PERSONALIZATION,
  PurposeKeySchema,
  RenderContextSchema,
  type DecisionContext,
  type DecisionDefaults,
  type RenderContext,
  type TraitValue,
} from './context'
export {
  BEHAVIOUR_CATEGORY,
  CLOCK_TIME,
  ISO_DATE,
  MATCH_MODES,
  RULE_ATTRIBUTES,
  RULE_OPERATORS,
  RuleConditionSchema,
  RuleGroupSchema,
  SegmentRulesSchema,
  TRAIT_KEY,
  type MatchMode,
  type RuleAttribute,
  type RuleCondition,
  type RuleGroup,
  type RuleOperator,
  type SegmentRules,
} from './segmentRules'
export { conditionHolds, countInWindow, evaluateSegments, type Membership, type SegmentEvaluation } from './segments'
export { CHANNEL_DEFAULT_LENGTH, chooseCandidate, type CandidateTrace, type Filterable } from './select'
export {
  resolvePage,
  type ChosenVariant,
  type DecisionTrace,
  type ResolvedBlock,
  type ResolvedPage,
  type SlotTrace,
} from './resolvePage'
export { plainText, safeHref } from './richText'
export { armAt, bucketOf, bucketRanges, fnv1a, hashSeed, type BucketRanges, type HashSeed } from './experimentBuckets'
export {
  assign,
  CompiledExperimentSchema,
  EXPERIMENT_STATUSES,
  EXPERIMENT_UNITS,
  ExperimentArmSchema,
  HOLDOUT_SEED,
  inHoldout,
  phaseSeed,
  prepareExperiment,
  startsNewPhase,
  type Assignment,
  type AssignmentContext,
  type CompiledExperiment,
  type ExperimentArm,
  type ExperimentStatus,
  type ExperimentUnit,
  type NotEnrolledReason,
  type PreparedExperiment,
} from './experiments'
export { ASK_OUTCOMES, AskLogSchema, AskRecordSchema, type AskLog, type AskOutcome, type AskRecord } from './askLog'
export { askedQuestion, chooseQuestions, questionOrder, type AskedQuestion, type QuestionTrace } from './questions'
export {
  CompiledAskSchema,
  CompiledQuestionSchema,
  isSurvey,
  QUESTION_TYPES,
  SURVEY_SCALES,
  type CompiledAsk,
  type CompiledQuestion,
  type QuestionType,
  type SurveyKind,
} from './questionSchema'
export { addPoints, CompiledScoreSchema, pointsFor, scoreAt, scoreTrait, type CompiledScore, type ScoreState } from './interestScores'
export {
  experimentOutcome,
  ExperimentScopeSchema,
  explainOutcome,
  indexExperiments,
  ScopedExperimentSchema,
  type ExperimentIndex,
  type ExperimentNotEnrolled,
  type ExperimentOutcome,
  type ExperimentRequest,
  type ExperimentScope,
  type ScopedExperiment,
} from './experimentDecision'
