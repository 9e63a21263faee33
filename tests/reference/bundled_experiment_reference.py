#!/usr/bin/python3
"""Reference holdout metrics for the four bundled data sets under their bundled specs, with scikit-learn's
HistGradientBoosting, on the exact holdout split the platform's feature-set version records.

BundledExperimentsTests runs requirements -> data -> experiment on each and compares the registered candidate's
holdout metric (the spec's acceptance metric: AUC for the classification specs, R² for the regression ones) with
the numbers this prints.

Everything is derived from the spec files and the raw CSVs, not from our code:
  rows      the cleaned rows in file order. No bundled spec drops rows (no dropDuplicateRows, every value valid), so
            they are the file's records; the generated entity key is the 1-based record number.
  split     the spec's holdout, or its default (Stratified for classification, Random for regression; fraction 0.2,
            seed 42), by the documented rule in holdout_split.py. The script prints the sum of the holdout keys: the
            test adds up the keys the feature set marks as holdout, so it checks the *same rows*, not just the count.
  features  the source columns of the spec's features (never the target; a sensitive attribute only where the spec
            allows it as a feature). A column the spec's dataRules declare Categorical is one-hot encoded (every
            category, a missing one all zeros; our OneHot keeps the top maxCategories, our Hashing folds state into 16
            buckets, so the reference sees a little more); every other column stays raw and numeric, NaN where missing
            (HistGradientBoosting routes NaN natively; our pipeline imputes). A column the spec normalises (house-prices'
            Sale_Type) is first spelt as cleaning writes it ('WD ' -> 'WD'). Trees are invariant to our monotone
            Log/Standardize transforms; our Ratio and Bucketize features are not rebuilt here.
  model     HistGradientBoostingClassifier / HistGradientBoostingRegressor, default parameters, random_state=0
            (100 iterations, 31 leaves, learning rate 0.1, 20 rows per leaf; early stopping off below 10 000 rows).
  metrics   AUC of the positive class; RMSE and R² (sklearn's r2_score) of the raw target.

Run: /usr/bin/python3 tests/reference/bundled_experiment_reference.py   (scikit-learn 1.2.1, pandas 1.5.3, Debian)
"""
import json
import os
import sys
import unicodedata

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.metrics import mean_squared_error, r2_score, roc_auc_score

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
sys.path.insert(0, HERE)
from holdout_split import holdout  # noqa: E402

BUNDLED = [
    ("credit-scoring.json", "credit_data.csv"),
    ("telecom-churn.json", "mlc_churn.csv"),
    ("house-prices.json", "ames.csv"),
    ("concrete-strength.json", "concrete.csv"),
]


def feature_sources(spec):
    target = spec["target"]["column"]
    excluded = {a["column"] for a in spec.get("sensitiveAttributes", []) if not a.get("allowAsFeature", False)}
    sources = []
    for feature in spec["features"]:
        for column in feature["sources"]:
            if column != target and column not in excluded and column not in sources:
                sources.append(column)
    return sources


def canonical(value):
    """The spec README's canonical spelling: NFKC, lower case, whitespace runs collapsed, trimmed."""
    return " ".join(unicodedata.normalize("NFKC", value).lower().split())


def normalised(value, allowed):
    """A normalised column's value as cleaning writes it: the declared spelling of the allowed value it matches."""
    if pd.isna(value):
        return value
    if allowed is None:
        return canonical(value)
    return next(a for a in allowed if canonical(a) == canonical(value))


def holdout_rule(spec):
    rule = spec.get("holdout", {})
    default = "TimeOrdered" if spec.get("eventTime") else ("Random" if spec["task"] == "Regression" else "Stratified")
    return rule.get("strategy", default), rule.get("fraction", 0.2), rule.get("seed", 42)


def run(spec_file, data_file):
    with open(os.path.join(ROOT, "shared", "specs", spec_file), encoding="utf-8") as f:
        spec = json.load(f)
    assert not spec["dataRules"].get("dropDuplicateRows", False), "this script assumes every record is kept"
    assert spec["entityKey"].get("generated", False), "this script assumes the generated key (record number)"
    data = pd.read_csv(os.path.join(ROOT, "shared", "data", data_file), keep_default_na=False, na_values=[""])
    keys = [str(i) for i in range(1, len(data) + 1)]

    target = spec["target"]["column"]
    categorical = {c["name"] for c in spec["dataRules"]["columns"] if c["type"] == "Categorical"}
    sources = feature_sources(spec)
    encoded = [c for c in sources if c in categorical]
    numeric = [c for c in sources if c not in categorical]
    for rule in spec["dataRules"]["columns"]:
        if rule.get("normalise") and rule["name"] in encoded:
            data[rule["name"]] = data[rule["name"]].map(lambda v, r=rule: normalised(v, r.get("allowedValues")))
    parts = [data[numeric].astype(float)]
    if encoded:
        parts.append(pd.get_dummies(data[encoded].astype(str).where(data[encoded].notna()), dtype=float))
    X = pd.concat(parts, axis=1)

    labels = [None if pd.isna(v) else str(v) for v in data[target]]
    strategy, fraction, seed = holdout_rule(spec)
    held = np.array(holdout(keys, labels, strategy, fraction, seed))
    key_sum = sum(int(k) for k, h in zip(keys, held) if h)
    line = (f"{spec_file}: {strategy} split train {int((~held).sum())} holdout {int(held.sum())} "
            f"(holdout key sum {key_sum}), {len(numeric)} numeric + {len(encoded)} categorical sources -> {X.shape[1]} columns; ")

    if spec["task"] == "Regression":
        y = data[target].astype(float)
        model = HistGradientBoostingRegressor(random_state=0).fit(X[~held], y[~held])
        predicted = model.predict(X[held])
        rmse = mean_squared_error(y[held], predicted, squared=False)
        print(line + f"holdout RMSE {rmse:.6f} R2 {r2_score(y[held], predicted):.6f}")
    else:
        y = (data[target].astype(str) == spec["target"]["positiveClass"]).astype(int)
        model = HistGradientBoostingClassifier(random_state=0).fit(X[~held], y[~held])
        print(line + f"holdout AUC {roc_auc_score(y[held], model.predict_proba(X[held])[:, 1]):.6f}")


for spec_file, data_file in BUNDLED:
    run(spec_file, data_file)
