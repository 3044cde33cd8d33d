/**
 * README's benchmark figures are backed: its generated section is exactly
 * what bench/results.json says (regenerate with `npm run bench:readme`), from
 * a full run; a registered scenario the run did not measure is named, not
 * hidden. Until a full run is committed, README shows no table at all.
 */
import { existsSync, readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { benchSection, END, README, readResults, START, withBenchSection } from '../../bench/readme'
import { resultsFile } from '../../bench/results'
import { SCENARIOS } from '../../bench/scenarios'

const readme = readFileSync(README, 'utf8')
const registered = SCENARIOS.map((scenario) => scenario.name)
const generated = readme.slice(readme.indexOf(START) + START.length, readme.indexOf(END))

describe('README’s benchmark section', () => {
  it('has its generated part between the markers', () => {
    expect(readme.indexOf(START)).toBeGreaterThan(0)
    expect(readme.indexOf(END)).toBeGreaterThan(readme.indexOf(START))
  })

  if (existsSync(resultsFile())) {
    const results = readResults()
    it('is generated from bench/results.json', () => {
      expect(withBenchSection(readme, results, registered)).toBe(readme)
    })
    it('comes from a full run, of registered scenarios only', () => {
      expect(results.quick).toBe(false)
      for (const scenario of results.scenarios) expect(registered).toContain(scenario.name)
    })
  } else {
    it('shows no figures while no results are committed', () => {
      expect(generated).not.toMatch(/^\|/m)
    })
  }

  it('says so when a scenario failed or was not measured, instead of leaving its rows out silently', () => {
    const failed = {
      quick: false,
      machine: '2 × CPU',
      measuredAt: '2026-12-02T00:00:00.000Z',
      durationSeconds: 60,
      scenarios: [{ name: 'http', ok: false as const, durationSeconds: 1, error: 'ScenarioFailure: renderApi: 3 × 500' }],
    }
    const section = benchSection(failed, ['decision', 'http'])
    expect(section).toContain('Scenario **http** failed in this run: ScenarioFailure: renderApi: 3 × 500')
    expect(section).toContain('Scenario **decision** is registered but was not measured in this run')
  })
})
