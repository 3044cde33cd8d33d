/** A compiled experiment for tests: a running 50/50 test of the hero headline on people, unless told otherwise. */
import { type CompiledExperiment, CompiledExperimentSchema } from '../../engine'

export function compiledExperiment(overrides: Partial<CompiledExperiment> = {}): CompiledExperiment {
  const key = overrides.key ?? 'hero-headline'
  return CompiledExperimentSchema.parse({
    key,
    phase: 1,
    seed: key,
    status: 'running',
    unit: 'person',
    arms: [
      { id: 'control', weight: 0.5 },
      { id: 'bold', weight: 0.5 },
    ],
    coverage: 1,
    audience: [],
    channels: [],
    ...overrides,
  })
}
