"""Reference figures for FairnessCheckTests: fairlearn's group-fairness definitions in plain pandas.

fairlearn cannot be installed here (no PyPI; Debian has no package), so this implements its definitions directly:
demographic_parity_difference = max - min over groups of the selection rate (share with y_pred = 1);
equal_opportunity_difference = max - min over groups of the true-positive rate (share of y_true = 1 with
y_pred = 1), both with method="between_groups". The check leaves out groups smaller than a minimum (rows for the
selection rate, actual positives for the true-positive rate) and this script does the same.
Run: /usr/bin/python3 tests/reference/fairness_reference.py
"""
import pandas as pd


def differences(frame, min_rows):
    frame = frame.assign(selected=frame.score >= frame.threshold)
    rates = frame.groupby("group").apply(lambda g: pd.Series({
        "rows": len(g),
        "selection_rate": g.selected.mean(),
        "positives": int(g.label.sum()),
        "tpr": g[g.label].selected.mean() if g.label.any() else float("nan"),
    }))
    print(rates.to_string())
    dp = rates[rates.rows >= min_rows].selection_rate
    eo = rates[rates.positives >= min_rows].tpr
    print(f"demographic parity difference {dp.max() - dp.min()!r} over {list(dp.index)}")
    print(f"equal opportunity difference {eo.max() - eo.min()!r} over {list(eo.index)}")


# 1. fairlearn's own user-guide example (common_fairness_metrics.rst), whose doctest prints
#    demographic_parity_difference 0.25; y_pred stands in as a 0/1 score at threshold 0.5, every group judged.
y_true = [0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1]
y_pred = [0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0]
sf = ['b', 'b', 'a', 'b', 'b', 'c', 'c', 'c', 'a', 'a', 'c', 'a', 'b', 'c', 'c', 'b', 'c', 'c']
print("fairlearn user-guide example")
differences(pd.DataFrame({"group": sf, "label": [bool(v) for v in y_true], "score": [float(v) for v in y_pred], "threshold": 0.5}), 1)

# 2. 400 rows made by formula (FairnessCheckTests.Formula builds the same): groups a 180, b 160, c 40, d 20 rows.
rows = []
for i in range(400):
    g = i % 20
    group = "a" if g < 9 else "b" if g < 17 else "c" if g < 19 else "d"
    rows.append({"group": group, "label": (i * 7) % 13 < 5, "score": ((i * 37) % 101) / 100.0, "threshold": 0.55})
print("\nformula rows, minimum 30")
differences(pd.DataFrame(rows), 30)
