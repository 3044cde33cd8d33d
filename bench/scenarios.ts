/**
 * The scenarios `npm run bench` runs, in order. To add one, write a file
 * exporting a `Scenario` (see scenario.ts) and list it here: one line.
 */
import { compileScenario } from './compile'
import { decisionScenario } from './decision'
import { edgeScenario } from './edge'
import { experimentsScenario } from './experiments'
import { httpScenario } from './http'
import { profilingScenario } from './profiling'
import type { Scenario } from './scenario'
import { screenScenario } from './screen'
import { sharingScenario } from './sharing'

export const SCENARIOS: readonly Scenario[] = [decisionScenario, httpScenario, screenScenario, compileScenario, experimentsScenario, edgeScenario, sharingScenario, profilingScenario]
