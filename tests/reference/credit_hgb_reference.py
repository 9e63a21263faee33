#!/usr/bin/python3
"""Reference holdout AUC for the credit data with scikit-learn's HistGradientBoostingClassifier.

The C# side (LightGbmReferenceTests, ExperimentPipelineTests) trains on our engineered credit feature set and must land
within 0.01 AUC of the number this prints (or above it).

Split: the split the feature-set version records, rebuilt from the raw file by holdout_split.py (the documented rule,
not shared code): the spec's default for binary classification, Stratified with fraction 0.2 and seed 42 — within
each class, rows ordered by SHA-256 of "42:{key}" (hex ascending, ties in file order) and the first round(0.2 * n)
held out, half to even. The rows are the cleaned rows: the key is the 1-based record number in file order, and the
2 exact duplicate records (1023 and 2930) are kept, as the credit spec keeps them (dataRules.dropDuplicateRows is
false; set DROP_DUPLICATES to True for a spec that drops them). That gives 3,563 training and 891 holdout rows.

Features: the raw source columns behind our engineered features, i.e. everything except the target and the sensitive
attributes Age and Marital (the project spec forbids them as features). Numbers stay raw (trees are invariant to our
monotone log/standardise transforms); missing values stay NaN, which HistGradientBoosting routes natively (our
pipeline imputes them with training medians/modes instead). Home, Records and Job are one-hot encoded like our OneHot
features (a missing category is all zeros). Time is kept raw rather than bucketised and the two ratio features are not
added, so the reference is slightly *richer* on term and slightly poorer on ratios; neither side is tuned.

Model: HistGradientBoostingClassifier with default parameters and random_state=0 (100 iterations, 31 leaves,
learning rate 0.1, 20 rows per leaf; early stopping is off below 10 000 rows).

Run: /usr/bin/python3 tests/reference/credit_hgb_reference.py   (scikit-learn 1.2.1 and pandas 1.5.3, Debian)
"""
import os
import sys

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from holdout_split import holdout  # noqa: E402

DROP_DUPLICATES = False

data = pd.read_csv(os.path.join(HERE, "..", "..", "shared", "data", "credit_data.csv"))
data["key"] = range(1, len(data) + 1)
if DROP_DUPLICATES:
    data = data[~data.drop(columns=["key"]).duplicated(keep="first")].reset_index(drop=True)

y = (data["Status"] == "bad").astype(int)
numeric = ["Seniority", "Time", "Expenses", "Income", "Assets", "Debt", "Amount", "Price"]
categorical = ["Home", "Records", "Job"]
X = pd.concat([data[numeric].astype(float), pd.get_dummies(data[categorical], dtype=float)], axis=1)

held = np.array(holdout(list(data["key"].astype(str)), list(data["Status"]), "Stratified", 0.2, 42))
model = HistGradientBoostingClassifier(random_state=0).fit(X[~held], y[~held])
auc = roc_auc_score(y[held], model.predict_proba(X[held])[:, 1])
print(f"train rows {int((~held).sum())}, holdout rows {int(held.sum())}, features {X.shape[1]}")
print(f"holdout AUC {auc:.6f}")
