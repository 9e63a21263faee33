#!/usr/bin/python3
"""Counts behind BundledDataSetsTests: what cleaning under each bundled spec must report, counted without our code.

For each bundled data set: rows, exact duplicate rows (every field equal, all occurrences after the first), missing
values per column (empty or whitespace-only fields, the platform's definition; pandas' own NA spellings such as "None"
are data here, hence keep_default_na=False), and for house-prices the Sale_Type values that spelling normalisation
rewrites ('WD ' with its trailing space, written as the declared 'WD').

Run: /usr/bin/python3 tests/reference/bundled_data_counts.py   (pandas 1.5.3, Debian)
"""
import os

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
for name in ["credit_data.csv", "mlc_churn.csv", "ames.csv", "concrete.csv"]:
    data = pd.read_csv(os.path.join(HERE, "..", "..", "shared", "data", name), dtype=str, keep_default_na=False)
    missing = {c: int(data[c].str.strip().eq("").sum()) for c in data.columns}
    print(name, "rows", len(data), "duplicates", int(data.duplicated().sum()),
          "missing", {c: n for c, n in missing.items() if n})
    if name == "ames.csv":
        print("  Sale_Type 'WD ' rows", int((data["Sale_Type"] == "WD ").sum()))
