/**
 * The scenarios `npm run bench` runs, in order. To add one, write a file
 * exporting a `Scenario` (see scenario.ts) and list it here: one line.
 */
import { compileScenario } from './compile'
import { decisionScenario } from './decision'
import { httpScenario } from './http'
import { profilingScenario } from './profiling'
import type { Scenario } from './scenario'
import { screenScenario } from './screen'

export const SCENARIOS: readonly Scenario[] = [decisionScenario, httpScenario, screenScenario, compileScenario, profilingScenario]
