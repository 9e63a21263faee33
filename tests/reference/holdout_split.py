"""The feature store's holdout rules (MLOps.Core.Requirements.HoldoutStrategy), written from their documentation,
independently of the C# code, so the reference scripts rebuild the exact split a feature-set version records.

Rows are the cleaned rows in file order; a row without a label is in neither part.
  Random:      labelled rows ordered by SHA-256 of "{seed}:{key}" (UTF-8, hex digest ascending), ties in file
               order; the first round(n * fraction) rows are the holdout.
  Stratified:  the Random rule applied within each class.
  TimeOrdered: labelled rows ordered by (event time, key), ties in file order; the last round(n * fraction) rows
               are the holdout.
round() is Python's: half to even, as .NET's Math.Round(x, MidpointRounding.ToEven).
"""
import hashlib


def digest(seed, key):
    return hashlib.sha256(f"{seed}:{key}".encode("utf-8")).hexdigest()


def holdout(keys, labels, strategy="Stratified", fraction=0.2, seed=42, times=None):
    """A list of booleans, one per row: True for a holdout row."""
    n = len(keys)
    held = [False] * n
    labelled = [i for i in range(n) if labels[i] is not None]
    if strategy == "Stratified":
        groups = {}
        for i in labelled:
            groups.setdefault(labels[i], []).append(i)
        groups = list(groups.values())
    else:
        groups = [labelled]
    for group in groups:
        take = round(len(group) * fraction)
        if strategy == "TimeOrdered":
            ordered = sorted(group, key=lambda i: (times[i], keys[i], i), reverse=True)
        else:
            ordered = sorted(group, key=lambda i: (digest(seed, keys[i]), i))
        for i in ordered[:take]:
            held[i] = True
    return held


def credit_rows(path, drop_duplicates=False):
    """credit_data.csv as the credit-scoring spec cleans it: the key is the 1-based record number, every value is
    already valid, and the 2 exact duplicate rows are kept (the spec leaves dataRules.dropDuplicateRows false; pass
    drop_duplicates=True for a spec that drops them, the first being kept)."""
    import pandas as pd

    data = pd.read_csv(path, keep_default_na=False, na_values=[""])
    data["key"] = range(1, len(data) + 1)
    if not drop_duplicates:
        return data
    raw = data.drop(columns=["key"])
    return data[~raw.duplicated(keep="first")].reset_index(drop=True)
