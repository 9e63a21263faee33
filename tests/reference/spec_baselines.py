"""Baseline AUCs behind the acceptance gates of shared/specs/*.json (5-fold stratified CV, seed 0).

    /usr/bin/python3 tests/reference/spec_baselines.py

Debian python3-sklearn 1.2.1 printed: credit_data gbm 0.8261 (folds 0.832 0.804 0.828 0.837 0.829), logit 0.83;
mlc_churn gbm 0.9244 (folds 0.903 0.917 0.939 0.926 0.936), logit 0.8183.
"""
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

for path, target, positive in [("shared/data/credit_data.csv", "Status", "bad"), ("shared/data/mlc_churn.csv", "churn", "yes")]:
    data = pd.read_csv(path, keep_default_na=False, na_values=[""])
    y = (data[target] == positive).astype(int)
    x = pd.get_dummies(data.drop(columns=[target]), dummy_na=False).astype(float)
    cv = StratifiedKFold(5, shuffle=True, random_state=0)
    gbm = cross_val_score(HistGradientBoostingClassifier(random_state=0), x, y, cv=cv, scoring="roc_auc")
    logit = cross_val_score(make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000)), x.fillna(x.median()), y, cv=cv, scoring="roc_auc")
    print(path, "gbm", gbm.mean().round(4), gbm.round(3), "logit", logit.mean().round(4))
