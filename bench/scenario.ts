/**
 * What a benchmark scenario is: a named run that measures figures against a
 * baseline of the same run and returns table rows. A scenario fails by
 * throwing (a non-2xx answer, a request error, a wrong result): the run then
 * exits non-zero, whatever the figures.
 */

export type ScenarioOptions = {
  /** Smoke run (CI): small workloads, short loads, no claims about speed. */
  quick: boolean
  log: (message: string) => void
}

/** One line of the benchmark table; `met` is empty in a quick run or where there is no target. */
export type BenchRow = { measure: string; tessera: string; baseline: string; ratio: string; target: string; met: '' | 'yes' | 'NO' }

export type ScenarioOutcome = { rows: BenchRow[]; detail: unknown }

export type Scenario = {
  /** Short, stable: it names the scenario in results.json. */
  name: string
  run: (options: ScenarioOptions) => Promise<ScenarioOutcome>
}

/** A table row; `met` says whether its target was met, and is left out of a quick run. */
export function benchRow(quick: boolean, row: Omit<BenchRow, 'met' | 'baseline' | 'ratio' | 'target'> & Partial<Pick<BenchRow, 'baseline' | 'ratio' | 'target'>> & { met?: boolean }): BenchRow {
  return {
    measure: row.measure,
    tessera: row.tessera,
    baseline: row.baseline ?? '',
    ratio: row.ratio ?? '',
    target: row.target ?? '',
    met: quick || row.met === undefined ? '' : row.met ? 'yes' : 'NO',
  }
}

/** A scenario found something wrong (an error response, a failed request): not a slow figure, a broken one. */
export class ScenarioFailure extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ScenarioFailure'
  }
}
