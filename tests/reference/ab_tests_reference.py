"""Independent reference values for the A/B and drift statistics in MLOps.Core.Statistics
(NormalDistribution, StudentT, TwoProportionZTest, WelchTTest, JensenShannon, SpecialFunctions) and for the
score-shift gate's fixed samples (DeploymentGateRulesTests).

scipy computes every value: norm.cdf/sf, t.cdf/sf, special.gammaln/betainc, stats.ttest_ind(equal_var=False)
(Welch), spatial.distance.jensenshannon(base=2). The pooled two-proportion z-test (statsmodels' proportions_ztest
default) is checked against scipy's uncorrected chi-square test of the 2x2 table (chi2 = z^2, same p).
Samples are made by formula; the C# tests build the same ones.
Run: /usr/bin/python3 tests/reference/ab_tests_reference.py   (Debian python3-scipy 1.10.1, python3-numpy 1.24.2)
"""
import numpy as np
from scipy import special, stats
from scipy.spatial.distance import jensenshannon


def show(name, value):
    print(f"{name} = {value!r}")


print("# normal")
for z in (-8.0, -5.0, -1.96, -0.5, 0.0, 0.3, 1.2, 2.5):
    show(f"norm.cdf({z})", stats.norm.cdf(z))
for z in (1.96, 3.5, 6.0):
    show(f"two-sided p({z})", 2 * stats.norm.sf(z))

print("# student t")
for t, df in ((2.1, 3.0), (-1.5, 7.5), (0.4, 1.0), (2.0, 1598.3), (-4.2, 12.7), (10.0, 4.0)):
    show(f"t.cdf({t}, {df})", stats.t.cdf(t, df))
    show(f"t two-sided p({t}, {df})", 2 * stats.t.sf(abs(t), df))

print("# special functions")
for x in (0.5, 1.0, 3.7, 100.25, 800.5):
    show(f"gammaln({x})", special.gammaln(x))
for x, a, b in ((0.3, 2.0, 3.0), (0.9, 0.5, 7.0), (0.999, 400.0, 0.5)):
    show(f"betainc({a}, {b}, {x})", special.betainc(a, b, x))

print("# two-proportion z (pooled)")
for x1, n1, x2, n2 in ((560, 800, 624, 800), (45, 60, 38, 70), (7, 10, 9, 10)):
    p1, p2 = x1 / n1, x2 / n2
    pooled = (x1 + x2) / (n1 + n2)
    z = (p1 - p2) / np.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    chi2, p, _, _ = stats.chi2_contingency([[x1, n1 - x1], [x2, n2 - x2]], correction=False)
    assert abs(chi2 - z * z) < 1e-9 * chi2 and abs(p - 2 * stats.norm.sf(abs(z))) < 1e-12
    show(f"z({x1}/{n1} vs {x2}/{n2})", z)
    show(f"p({x1}/{n1} vs {x2}/{n2})", p)


def welch(a, b, name):
    result = stats.ttest_ind(a, b, equal_var=False)
    va, vb = np.var(a, ddof=1) / len(a), np.var(b, ddof=1) / len(b)
    df = (va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1))
    # scipy 1.10 does not return df: check that it is the one its p-value used.
    assert abs(2 * stats.t.sf(abs(result.statistic), df) - result.pvalue) < 1e-12
    show(f"welch {name} t", result.statistic)
    show(f"welch {name} df", df)
    show(f"welch {name} p", result.pvalue)


print("# welch t")
welch([1.2, 3.4, 2.2, 5.1, 4.0], [2.8, 6.1, 5.5, 7.3, 4.9, 6.6], "small")
welch([((i * 37) % 101) / 10.0 for i in range(40)], [0.7 + ((i * 53) % 89) / 9.0 for i in range(55)], "formula")

print("# jensen-shannon distance, base 2")
show("js([1,0],[0.5,0.5])", jensenshannon([1, 0], [0.5, 0.5], base=2))
show("js([5,0,5],[0,10,0])", jensenshannon([5, 0, 5], [0, 10, 0], base=2))
show("js([10,20,30,40],[40,30,20,10])", jensenshannon([10, 20, 30, 40], [40, 30, 20, 10], base=2))

print("# score-shift gate samples: baseline i/100 (i = 1..100), candidate 0.3 + (i % 40)/100 (i = 0..59)")
# Scores are logged as single precision (RowResult.Score is a float), so the samples go through float32.
baseline = np.array([i / 100 for i in range(1, 101)], dtype=np.float32).astype(np.float64)
candidate = np.array([0.3 + (i % 40) / 100 for i in range(60)], dtype=np.float32).astype(np.float64)
edges = np.unique(np.quantile(baseline, [i / 10 for i in range(1, 10)]))
e = np.bincount(np.searchsorted(edges, baseline, side="left"), minlength=len(edges) + 1) / len(baseline)
a = np.bincount(np.searchsorted(edges, candidate, side="left"), minlength=len(edges) + 1) / len(candidate)
show("gate edges", edges.tolist())
show("gate psi", float(np.sum((np.where(a == 0, 1e-4, a) - np.where(e == 0, 1e-4, e)) * np.log(np.where(a == 0, 1e-4, a) / np.where(e == 0, 1e-4, e)))))
show("gate js", jensenshannon(e, a, base=2))
