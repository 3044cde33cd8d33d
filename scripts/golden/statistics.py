#!/usr/bin/python3
"""Golden vectors for Tessera's experiment statistics, computed by SciPy.

Run with Debian's Python, which has SciPy (the `python3-scipy` package;
1.10 on Debian 12): the `python3` first on PATH may be a pyenv build without it.

    /usr/bin/python3 scripts/golden/statistics.py > test/golden/statistics.json

test/unit/experimentStatisticsGolden.test.ts compares our functions with
these values to 1e-6 (relatively, where the values are small). The output
is committed; regenerate it only when adding vectors, and review the diff.
"""
import json
import math
import sys

import scipy
from scipy import stats

# Welch's t-test from summary statistics: (mean, variance, units) of the
# control, then of the treatment. Equal and unequal variances, large and small
# samples, negative means (NPS-style scores), skewed revenue, a tie.
WELCH = [
    ((0.10, 0.09, 5000), (0.11, 0.0979, 5000)),
    ((10.0, 4.0, 30), (12.0, 25.0, 12)),
    ((1.2, 0.5, 3), (2.9, 2.1, 4)),
    ((0.0, 1.0, 2), (1.0, 3.0, 2)),
    ((0.10, 0.09, 100000), (0.12, 0.1056, 100000)),
    ((-0.05, 0.60, 800), (0.02, 0.58, 750)),
    ((23.4, 1500.0, 1200), (25.1, 2100.0, 1180)),
    ((3.0, 2.0, 40), (3.0, 2.0, 40)),
    ((5.0, 1e-4, 50), (5.01, 10.0, 40)),
    ((0.031, 0.030039, 21000), (0.0335, 0.032378, 20400)),
]

# χ² survival function P(X ≥ x) for X ~ χ²(df), down to very small tails.
CHI_SQUARE = [(3.84, 1), (0.5, 1), (10.83, 1), (16.0, 1), (100.0, 1), (5.99, 2), (7.81, 3), (2.0, 5), (30.0, 10), (400.0, 3), (0.001, 4), (13.8, 2)]

# Sample ratio checks: observed units per arm against the arms' weights.
SAMPLE_RATIOS = [
    ([5200, 4800], [0.5, 0.5]),
    ([5050, 4950], [0.5, 0.5]),
    ([3400, 3300, 3300], [1 / 3, 1 / 3, 1 / 3]),
    ([8100, 1900], [0.8, 0.2]),
    ([1012, 2960, 6028], [0.1, 0.3, 0.6]),
]

NORMAL_QUANTILE = [1e-10, 1e-6, 0.001, 0.025, 0.05, 0.1, 0.5, 0.9, 0.95, 0.975, 0.999, 1 - 1e-6]
NORMAL_CDF = [-10.0, -5.0, -3.0, -1.96, -1.0, 0.0, 0.5, 1.645, 2.5, 5.0]
T_QUANTILE = [(0.975, 1), (0.975, 2.5), (0.975, 10), (0.975, 29.7), (0.975, 1000), (0.995, 5), (0.025, 7), (0.9, 3.3)]
T_CDF = [(-2.5, 4), (1.0, 12.3), (-40.0, 3), (3.0, 200), (-8.0, 1500)]


def welch(control, treatment):
    (mean_c, var_c, n_c), (mean_t, var_t, n_t) = control, treatment
    # Treatment first, so that the statistic is (treatment − control) / se, as ours.
    result = stats.ttest_ind_from_stats(mean_t, math.sqrt(var_t), n_t, mean_c, math.sqrt(var_c), n_c, equal_var=False)
    return {
        "control": {"mean": mean_c, "variance": var_c, "units": n_c},
        "treatment": {"mean": mean_t, "variance": var_t, "units": n_t},
        "t": float(result.statistic),
        "pValue": float(result.pvalue),
    }


def sample_ratio(observed, weights):
    total = sum(observed)
    result = stats.chisquare(observed, [total * weight for weight in weights])
    return {"units": observed, "weights": weights, "chiSquare": float(result.statistic), "pValue": float(result.pvalue)}


golden = {
    "generator": f"scripts/golden/statistics.py with SciPy {scipy.__version__}",
    "welch": [welch(control, treatment) for control, treatment in WELCH],
    "chiSquareSurvival": [{"x": x, "degreesOfFreedom": df, "survival": float(stats.chi2.sf(x, df))} for x, df in CHI_SQUARE],
    "sampleRatio": [sample_ratio(observed, weights) for observed, weights in SAMPLE_RATIOS],
    "normalQuantile": [{"p": p, "x": float(stats.norm.ppf(p))} for p in NORMAL_QUANTILE],
    "normalCdf": [{"x": x, "p": float(stats.norm.cdf(x))} for x in NORMAL_CDF],
    "studentTQuantile": [{"p": p, "degreesOfFreedom": df, "x": float(stats.t.ppf(p, df))} for p, df in T_QUANTILE],
    "studentTCdf": [{"x": x, "degreesOfFreedom": df, "p": float(stats.t.cdf(x, df))} for x, df in T_CDF],
}

json.dump(golden, sys.stdout, indent=2)
sys.stdout.write("\n")
