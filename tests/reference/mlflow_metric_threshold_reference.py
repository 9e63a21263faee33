"""Reference outcomes of MLflow's model-validation rules for MetricValidationTests.

MLflow cannot be installed here (no PyPI), so this re-states, line for line, the comparisons of
mlflow/models/evaluation/validation.py (_validate, MLflow 2.x): operator.ge/le for the threshold, Decimal of
(baseline +/- min_absolute_change) computed in float, the 1e-10 fallback for a zero baseline and
(candidate - baseline) / baseline < min_relative_change. Python floats are IEEE doubles like C#'s, so the float
edge cases (0.8 + 0.05 = 0.8500000000000001) come out the same. Run: /usr/bin/python3 tests/reference/mlflow_metric_threshold_reference.py
"""
import operator
from decimal import Decimal


def validate(candidate, baseline, threshold=None, min_abs=None, min_rel=None, greater_is_better=True):
    """Returns the failed rules, as MLflow's _MetricValidationResult flags, for one metric 'm'."""
    failed = []
    cmp = operator.ge if greater_is_better else operator.le
    op = operator.add if greater_is_better else operator.sub
    if candidate is None:
        return ["missing_candidate"]
    if threshold is not None and not cmp(candidate, threshold):
        failed.append("threshold")
    if (min_rel or min_abs) and baseline is None:
        return failed + ["missing_baseline"]
    if min_abs is not None and not cmp(Decimal(candidate), Decimal(op(baseline, min_abs))):
        failed.append("min_absolute_change")
    if min_rel is not None:
        if baseline == 0:
            if not cmp(Decimal(candidate), Decimal(op(baseline, 1e-10))):
                failed.append("min_relative_change")
            return failed
        change = (candidate - baseline) / baseline if greater_is_better else (baseline - candidate) / baseline
        if change < min_rel:
            failed.append("min_relative_change")
    return failed


CASES = [
    ("threshold met (higher is better)", dict(candidate=0.81, baseline=None, threshold=0.8)),
    ("threshold equal passes", dict(candidate=0.8, baseline=None, threshold=0.8)),
    ("threshold missed (higher is better)", dict(candidate=0.79, baseline=None, threshold=0.8)),
    ("threshold met (lower is better)", dict(candidate=0.3, baseline=None, threshold=0.35, greater_is_better=False)),
    ("threshold missed (lower is better)", dict(candidate=0.36, baseline=None, threshold=0.35, greater_is_better=False)),
    ("absolute change: 0.85 vs 0.8 + 0.05 in float", dict(candidate=0.85, baseline=0.8, min_abs=0.05)),
    ("absolute change: 0.851 clears 0.8 + 0.05", dict(candidate=0.851, baseline=0.8, min_abs=0.05)),
    ("absolute change lower is better: 0.25 vs 0.3 - 0.05", dict(candidate=0.25, baseline=0.3, min_abs=0.05, greater_is_better=False)),
    ("absolute change lower is better: 0.2 clears", dict(candidate=0.2, baseline=0.3, min_abs=0.05, greater_is_better=False)),
    ("relative change: 0.84 over 0.8 at 5%", dict(candidate=0.84, baseline=0.8, min_rel=0.05)),
    ("relative change: 0.85 over 0.8 at 5%", dict(candidate=0.85, baseline=0.8, min_rel=0.05)),
    ("relative change lower is better: 0.27 under 0.3 at 10%", dict(candidate=0.27, baseline=0.3, min_rel=0.1, greater_is_better=False)),
    ("relative change lower is better: 0.26 under 0.3 at 10%", dict(candidate=0.26, baseline=0.3, min_rel=0.1, greater_is_better=False)),
    ("relative change 0: equal to champion passes", dict(candidate=0.8, baseline=0.8, min_rel=0.0)),
    ("relative change 0: worse than champion fails", dict(candidate=0.7999, baseline=0.8, min_rel=0.0)),
    ("zero baseline: 1e-11 is not better by 1e-10", dict(candidate=1e-11, baseline=0.0, min_rel=0.5)),
    ("zero baseline: 2e-10 is", dict(candidate=2e-10, baseline=0.0, min_rel=0.5)),
    ("zero baseline lower is better: -2e-10", dict(candidate=-2e-10, baseline=0.0, min_rel=0.5, greater_is_better=False)),
    ("threshold and comparison both fail", dict(candidate=0.7, baseline=0.75, threshold=0.8, min_abs=0.01)),
    ("missing baseline metric fails the comparison, threshold still judged", dict(candidate=0.7, baseline=None, threshold=0.8, min_abs=0.01)),
    ("missing candidate metric", dict(candidate=None, baseline=0.8, threshold=0.8)),
    # MLflow divides by the signed baseline: an R2 improving from -0.5 to -0.4 reads as a -20% change and fails.
    ("negative baseline, MLflow's signed division", dict(candidate=-0.4, baseline=-0.5, min_rel=0.1)),
]

for name, case in CASES:
    print(f"{name}: {validate(**case) or 'passed'}")
print(f"0.8 + 0.05 = {0.8 + 0.05!r}; 0.3 - 0.05 = {0.3 - 0.05!r}; (0.84 - 0.8) / 0.8 = {(0.84 - 0.8) / 0.8!r}; (0.3 - 0.27) / 0.3 = {(0.3 - 0.27) / 0.3!r}")
