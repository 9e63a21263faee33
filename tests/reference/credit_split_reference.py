#!/usr/bin/python3
"""Reference values for the credit feature set's recorded split and fitted parameters.

Rebuilds the default split of shared/specs/credit-scoring.json (Stratified, fraction 0.2, seed 42; holdout_split.py)
from the raw file, then fits what the feature store fits, on the training rows only, from their textbook
definitions with numpy: median fills (numpy.median) of the imputed numeric columns, mode fills (most frequent,
ties by ordinal order) of the imputed categorical ones, and, after imputation, the mean and population standard
deviation (numpy.std, ddof=0, as scikit-learn's StandardScaler) of the standardized columns and the category lists
of the one-hot ones. The printed constants are pasted into FeatureSetEngineeringTests and the integration test.

Run from the repository root: /usr/bin/python3 tests/reference/credit_split_reference.py
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from holdout_split import credit_rows, holdout  # noqa: E402

data = credit_rows("shared/data/credit_data.csv")
held = np.array(holdout(list(data["key"].astype(str)), list(data["Status"]), "Stratified", 0.2, 42))
train = data[~held]
print(f"rows {len(data)}, holdout {int(held.sum())} (bad {int((data['Status'][held] == 'bad').sum())}), training {len(train)}")
print(f"first holdout keys {list(data['key'][held][:8])}")

fills = {}
for column in ["Income", "Assets", "Debt"]:
    fills[column] = float(np.median(train[column].dropna()))
for column in ["Home", "Marital", "Job"]:
    counts = train[column].dropna().value_counts()
    best = max(counts)
    fills[column] = sorted(v for v, c in counts.items() if c == best)[0]
print(f"fills {fills}")
print(f"all-rows fills (for contrast) Income {float(np.median(data['Income'].dropna()))}")

imputed = train.fillna(fills)
for column in ["Seniority", "Expenses"]:
    values = imputed[column].astype(float)
    print(f"{column} mean {values.mean()!r} std {values.std(ddof=0)!r}  (all rows: mean {data[column].astype(float).mean()!r})")
for column in ["Home", "Records", "Job"]:
    print(f"{column} categories {sorted(imputed[column].unique())}")
