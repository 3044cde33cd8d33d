/**
 * The scenarios `npm run bench` runs, in order. To add one, write a file
 * exporting a `Scenario` (see scenario.ts) and list it here: one line.
 *
 * Each module is loaded when its scenario starts, one after another: loading
 * them all at once (static imports) sometimes never settled (node exits 13,
 * "unsettled top-level await", before the first scenario), and a scenario's
 * heavy dependencies need not load for another's run.
 */
import type { Scenario } from './scenario'

const lazy = (name: string, load: () => Promise<Scenario>): Scenario => ({ name, run: async (options) => (await load()).run(options) })

export const SCENARIOS: readonly Scenario[] = [
  lazy('decision', async () => (await import('./decision')).decisionScenario),
  lazy('http', async () => (await import('./http')).httpScenario),
  lazy('screen', async () => (await import('./screen')).screenScenario),
  lazy('compile', async () => (await import('./compile')).compileScenario),
  lazy('experiments', async () => (await import('./experiments')).experimentsScenario),
  lazy('edge', async () => (await import('./edge')).edgeScenario),
  lazy('sharing', async () => (await import('./sharing')).sharingScenario),
  lazy('profiling', async () => (await import('./profiling')).profilingScenario),
]
