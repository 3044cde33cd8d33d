/**
 * The standards room: experience standards as data (rules.ts), what they find
 * in a block or a page (findings.ts, the publish check's and the report's one
 * walk), the report of every violation in published content (report.ts) and
 * its daily count and weekly trend (trend.ts).
 */
export { activeStandards, blockFindings, pageFindings, servedChannels, type DocumentFinding } from './findings'
export type { BlockDraft, LocatedContent, PageDraft } from './contents'
export { emailSizeAtPublish, standardsReport, type StandardsReport, type Violation } from './report'
export { characterCount, check, GMAIL_CLIP_BYTES, STANDARD_LEVELS, STANDARD_RULES, StandardSchema, type Finding, type Standard, type StandardLevel, type StandardRule } from './rules'
export { isoWeek, recordViolationCount, weeklyViolationTrend, type WeeklyCount } from './trend'
