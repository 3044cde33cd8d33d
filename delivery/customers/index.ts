/**
 * The customers room: one profile per person, shared by every touchpoint.
 * Profiles (keys, merges, export, erasure, rebuild from events), the events
 * API, consent from the site's banner, the preference center and one-click
 * unsubscribe, identify; and a profile as decision context for the render room.
 */
export { handleAnswerPost, handleEmailAnswer, handleEmailFollowUp } from './answerRequest'
export { AnswerRecordedSchema, AnswerSchema, checkAnswerValue, npsGroup } from './answers'
export { ChoiceSchema, ConsentSavedSchema, ConsentStateSchema, handleConsentGet, handleConsentPost } from './consentRequest'
export { replayIfNeeded } from './eventReplay'
export { EVENT_PURPOSE, EventBatchSchema, EventsResponseSchema, MAX_CLOCK_AHEAD_MS, MAX_EVENTS_PER_BATCH, newIdempotencyKey, recordEvents, VISITOR_STATED_TRAITS } from './events'
export { handleEventsRequest, MAX_SITE_EVENTS_PER_BATCH } from './eventsRequest'
export { handleIdentify, IdentifiedSchema, IdentifySchema } from './identifyRequest'
export { knownRecipient, listViews, marketingLists, recipientProfile, setListStatus, type ListView } from './preferences'
export { handlePreferencesPost } from './preferencesRequest'
export { prefetchPeople, profileContext, withProfile, type KnownPerson } from './profileContext'
export { foldEvent, type FoldedEvent } from './profileFold'
export { ensureProfile, type ProfileIdentity } from './profileIdentity'
export { profileFromEvents, rebuildProfile, type RebuiltProfile } from './profileRebuild'
export { emptyAggregates, eraseProfile, exportProfile, findProfile, profileById, profileKey, type Profile } from './profiles'
export { siteConsent } from './siteConsent'
export { csatOf, meanOf, npsOf, npsPoints, surveyScore, Z_95, type SurveyScore } from './surveyStatistics'
export { cxBoard, periodOf, surveyResults, type CxBoard, type SurveyResults } from './surveyResults'
export { handleUnsubscribeGet, handleUnsubscribePost, UnsubscribedSchema } from './unsubscribeRequest'
export { consentChangesByList, type ListConsentChanges } from './consentChanges'
export { keepExperimentArms } from './profileExperiments'
