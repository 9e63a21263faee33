"""Independent reference values for MLOps.Core.Statistics (UnivariateAuc, Correlation, Binning,
InformationValue, PopulationStabilityIndex) and the feasibility check.

Run from the repository root with the Debian interpreter (python3-numpy, python3-scipy, python3-sklearn,
python3-pandas from apt; NOT the pyenv python3 on PATH):

    /usr/bin/python3 tests/reference/requirements_reference.py

The printed constants are pasted into tests/MLOps.UnitTests/Core/Statistics/*Tests.cs.
AUC and Pearson come from scikit-learn / SciPy; quantile edges from numpy.quantile (linear, type 7);
IV and PSI have no library implementation, so they are written here from their textbook formulas with
numpy, independently of the C# code.
"""
import numpy as np
import pandas as pd
import scipy
import scipy.stats
import sklearn
from sklearn.metrics import roc_auc_score


def show(name, value):
    print(f"{name} = {value!r}")


print(f"numpy {np.__version__}, scipy {scipy.__version__}, sklearn {sklearn.__version__}, pandas {pd.__version__}")

credit = pd.read_csv("shared/data/credit_data.csv", keep_default_na=False, na_values=[""])
churn = pd.read_csv("shared/data/mlc_churn.csv", keep_default_na=False, na_values=[""])

# --- UnivariateAuc: Amount vs Status == "bad" (Amount has no missing values; dropna kept for the rule).
c = credit[["Amount", "Status"]].dropna()
auc = roc_auc_score(c["Status"] == "bad", c["Amount"])
show("credit_amount_auc", auc)
show("credit_amount_separation", max(auc, 1 - auc))
u = scipy.stats.mannwhitneyu(c["Amount"][c["Status"] == "bad"], c["Amount"][c["Status"] != "bad"]).statistic
show("credit_amount_mannwhitney_u_over_n1n0", u / ((c["Status"] == "bad").sum() * (c["Status"] != "bad").sum()))

# Income has missing values: drop them (pairwise with the label).
c = credit[["Income", "Status"]].dropna()
show("credit_income_rows", len(c))
show("credit_income_auc", roc_auc_score(c["Status"] == "bad", c["Income"]))

# Small example with ties across classes.
scores = [0.1, 0.4, 0.4, 0.35, 0.8, 0.4, 0.1, 0.9]
labels = [0, 0, 1, 1, 1, 0, 1, 1]
show("ties_auc", roc_auc_score(labels, scores))

# Churn: number_customer_service_calls vs churn == "yes".
show("churn_service_calls_auc", roc_auc_score(churn["churn"] == "yes", churn["number_customer_service_calls"]))

# --- Correlation (Pearson).
show("credit_amount_price_r", scipy.stats.pearsonr(credit["Amount"], credit["Price"]).statistic)
c = credit[["Income", "Amount"]].dropna()
show("credit_income_amount_r", scipy.stats.pearsonr(c["Income"], c["Amount"]).statistic)
show("churn_day_minutes_charge_r",
     scipy.stats.pearsonr(churn["total_day_minutes"], churn["total_day_charge"]).statistic)

# --- Binning: decile edges of Seniority (numpy.quantile, linear interpolation), duplicates removed.
sen = credit["Seniority"].to_numpy(dtype=float)
edges = np.unique(np.quantile(sen, [i / 10 for i in range(1, 10)]))
show("credit_seniority_decile_edges", edges.tolist())


# --- InformationValue: WoE_i = ln(dist_good_i / dist_bad_i) with +0.5 added to every bin count.
def iv(bins_index, bad, k):
    bad = np.asarray(bad, dtype=bool)
    b = np.bincount(bins_index[bad], minlength=k).astype(float) + 0.5
    g = np.bincount(bins_index[~bad], minlength=k).astype(float) + 0.5
    db, dg = b / b.sum(), g / g.sum()
    woe = np.log(dg / db)
    return woe, float(np.sum((dg - db) * woe))


# Fixed example: values 1..12, edges [3, 6, 9] -> bins (-inf,3], (3,6], (6,9], (9,inf); bin 0 has no bads.
x = np.arange(1, 13, dtype=float)
is_bad = np.array([0, 0, 0, 1, 0, 1, 1, 0, 1, 1, 1, 1], dtype=bool)
woe, value = iv(np.searchsorted([3.0, 6.0, 9.0], x, side="left"), is_bad, 4)
show("fixed_woe", woe.tolist())
show("fixed_iv", value)

# Real data: Seniority deciles vs Status == "bad".
idx = np.searchsorted(edges, sen, side="left")
woe, value = iv(idx, credit["Status"].to_numpy() == "bad", len(edges) + 1)
show("credit_seniority_iv", value)

# Categorical: Home (missing dropped) vs bad, one bin per category.
h = credit[["Home", "Status"]].dropna()
cats, codes = np.unique(h["Home"].to_numpy(), return_inverse=True)
woe, value = iv(codes, h["Status"].to_numpy() == "bad", len(cats))
show("credit_home_categories", cats.tolist())
show("credit_home_iv", value)


# --- PopulationStabilityIndex: shares per bin, empty shares replaced by epsilon = 1e-4, no renormalisation.
def psi(expected_counts, actual_counts, eps=1e-4):
    e = np.asarray(expected_counts, float); a = np.asarray(actual_counts, float)
    e = e / e.sum(); a = a / a.sum()
    e = np.where(e == 0, eps, e); a = np.where(a == 0, eps, a)
    return float(np.sum((a - e) * np.log(a / e)))


show("fixed_psi", psi([100, 200, 300, 250, 150], [90, 210, 280, 300, 120]))
show("fixed_psi_empty_bin", psi([50, 50, 0, 100], [40, 40, 20, 100]))
show("identical_psi", psi([10, 20, 30], [1, 2, 3]))

# Real data: churn total_day_minutes, expected = first 2500 rows, actual = last 2500, decile edges of expected.
m = churn["total_day_minutes"].to_numpy(dtype=float)
exp_, act_ = m[:2500], m[2500:]
e_edges = np.unique(np.quantile(exp_, [i / 10 for i in range(1, 10)]))
k = len(e_edges) + 1
show("churn_day_minutes_psi", psi(np.bincount(np.searchsorted(e_edges, exp_, side="left"), minlength=k),
                                  np.bincount(np.searchsorted(e_edges, act_, side="left"), minlength=k)))

# --- Feasibility facts used by the tests.
show("credit_bad_share", float((credit["Status"] == "bad").mean()))
show("credit_income_missing_share", float(credit["Income"].isna().mean()))
