/**
 * Seeded pseudorandom draws for simulations and generated inputs: the same
 * seed gives the same run, so a simulation's outcome is a fixed fact of the
 * code, not a coin flip of the CI machine. stdlib's Mersenne Twister feeds
 * its binomial and normal samplers.
 */
import binomial from '@stdlib/random-base-binomial'
import mt19937 from '@stdlib/random-base-mt19937'
import normal from '@stdlib/random-base-normal'

export type SeededRandom = {
  /** Uniform in [0, 1). */
  uniform: () => number
  /** An integer in [0, below). */
  integer: (below: number) => number
  binomial: (trials: number, probability: number) => number
  normal: (mean: number, standardDeviation: number) => number
}

export function seededRandom(seed: number): SeededRandom {
  const generator = mt19937.factory({ seed })
  // 32 bits of resolution are plenty for simulations; the samplers take any uniform source.
  const uniform = () => generator() / 2 ** 32
  return {
    uniform,
    integer: (below) => Math.floor(uniform() * below),
    binomial: binomial.factory({ prng: uniform }),
    normal: normal.factory({ prng: uniform }),
  }
}
