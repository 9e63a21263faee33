#!/usr/bin/python3
"""Reference values for the binary metrics that have no closed form: PR-AUC (average precision) and the decision
threshold chosen on validation scores.

The C# side (MetricsCalculatorTests, DecisionThresholdsTests) builds the same two samples from the same formulas and
must print the same numbers.

Sample A: the ten rows of MetricsCalculatorTests (one tied score across the classes).
Sample B: 200 rows, 12% positive, scores on a 1/64 grid (exact in float32, many ties):
    positive_i = (i * 7919) % 100 < 12
    score_i    = ((i * 37) % 40 + (24 if positive_i else 0)) / 64

PR-AUC is scikit-learn's average_precision_score: sum over distinct thresholds of (R_n - R_{n-1}) * P_n.

Decision threshold: the candidates are the distinct scores; a row is positive when its score >= the threshold. The
threshold maximising the objective wins, ties going to the higher threshold. F1 comes from precision_recall_curve
(its thresholds are exactly those candidates, up to the one reaching full recall), Youden's J = TPR - FPR from
roc_curve(drop_intermediate=False).

Run: /usr/bin/python3 tests/reference/classification_metrics_reference.py   (scikit-learn 1.2.1, Debian)
"""
import numpy as np
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_curve


def best(values, thresholds):
    values = np.asarray(values, dtype=float)
    winners = np.flatnonzero(values == values.max())
    top = max(winners, key=lambda i: thresholds[i])
    return thresholds[top], values[top]


def report(name, y, p):
    y = np.asarray(y)
    p = np.asarray(p, dtype=np.float32).astype(float)
    print(f"{name}: rows {len(y)}, positives {int(y.sum())}")
    print(f"  average_precision_score {average_precision_score(y, p)!r}")
    precision, recall, thresholds = precision_recall_curve(y, p)
    with np.errstate(invalid="ignore", divide="ignore"):
        f1 = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)
    t, v = best(f1[:-1], thresholds)
    print(f"  F1 threshold {t!r} F1 {v!r}")
    fpr, tpr, roc_thresholds = roc_curve(y, p, drop_intermediate=False)
    t, v = best((tpr - fpr)[1:], roc_thresholds[1:])
    print(f"  Youden threshold {t!r} J {v!r}")


report("A", [1, 0, 1, 1, 0, 0, 1, 0, 1, 0], [0.9, 0.2, 0.65, 0.4, 0.4, 0.55, 0.8, 0.1, 0.3, 0.7])
positive = [(i * 7919) % 100 < 12 for i in range(200)]
report("B", [int(v) for v in positive], [((i * 37) % 40 + (24 if positive[i] else 0)) / 64 for i in range(200)])
