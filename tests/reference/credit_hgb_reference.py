#!/usr/bin/python3
"""Reference holdout AUC for the credit data with scikit-learn's HistGradientBoostingClassifier.

The C# side (LightGbmReferenceTests) trains LightGBM on our engineered credit feature set and must land within 0.01
AUC of the number this prints (or above it).

Split: the same rule as TrainingTableSplits.HoldoutByKey(5). The feature set's entity key is the 1-based record number
in file order, and rows whose key is a multiple of 5 form the holdout. Nothing is shared but the rule.

Features: the raw source columns behind our engineered features, i.e. everything except the target and the sensitive
attributes Age and Marital (the project spec forbids them as features). Numbers stay raw (trees are invariant to our
monotone log/standardise transforms); missing values stay NaN, which HistGradientBoosting routes natively, as LightGBM
does. Home, Records and Job are one-hot encoded like our OneHot features (a missing category is all zeros). Time is
kept raw rather than bucketised and the two ratio features are not added, so the reference is slightly *richer* on
term and slightly poorer on ratios; neither side is tuned.

Model: HistGradientBoostingClassifier with default parameters and random_state=0 (100 iterations, 31 leaves,
learning rate 0.1, 20 rows per leaf; early stopping is off below 10 000 rows).

Run: /usr/bin/python3 tests/reference/credit_hgb_reference.py   (scikit-learn 1.2.1 and pandas 1.5.3, Debian)
"""
import os

import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score

HERE = os.path.dirname(os.path.abspath(__file__))
data = pd.read_csv(os.path.join(HERE, "..", "..", "shared", "data", "credit_data.csv"))
data["key"] = range(1, len(data) + 1)

y = (data["Status"] == "bad").astype(int)
numeric = ["Seniority", "Time", "Expenses", "Income", "Assets", "Debt", "Amount", "Price"]
categorical = ["Home", "Records", "Job"]
X = pd.concat([data[numeric].astype(float), pd.get_dummies(data[categorical], dtype=float)], axis=1)

holdout = data["key"] % 5 == 0
model = HistGradientBoostingClassifier(random_state=0).fit(X[~holdout], y[~holdout])
auc = roc_auc_score(y[holdout], model.predict_proba(X[holdout])[:, 1])
print(f"train rows {int((~holdout).sum())}, holdout rows {int(holdout.sum())}, features {X.shape[1]}")
print(f"holdout AUC {auc:.6f}")
