"""Baselines behind the acceptance gates of shared/specs/*.json (5-fold CV, seed 0: stratified AUC for the
classification specs, R² for the regression ones).

    /usr/bin/python3 tests/reference/spec_baselines.py

Debian python3-sklearn 1.2.1 printed: credit_data gbm 0.8261 (folds 0.832 0.804 0.828 0.837 0.829), logit 0.83;
mlc_churn gbm 0.9244 (folds 0.903 0.917 0.939 0.926 0.936), logit 0.8183;
ames gbm R² 0.896 (folds 0.877 0.882 0.923 0.883 0.915), ridge 0.8387;
concrete gbm R² 0.9266 (folds 0.937 0.921 0.941 0.907 0.927), ridge 0.605.
"""
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.model_selection import KFold, StratifiedKFold, cross_val_score
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

for path, target in [("shared/data/ames.csv", "Sale_Price"), ("shared/data/concrete.csv", "compressive_strength")]:
    data = pd.read_csv(path, keep_default_na=False, na_values=[""])
    y = data[target].astype(float)
    x = pd.get_dummies(data.drop(columns=[target]), dummy_na=False).astype(float)
    cv = KFold(5, shuffle=True, random_state=0)
    gbm = cross_val_score(HistGradientBoostingRegressor(random_state=0), x, y, cv=cv, scoring="r2")
    ridge = cross_val_score(make_pipeline(StandardScaler(), Ridge()), x, y, cv=cv, scoring="r2")
    print(path, "gbm r2", gbm.mean().round(4), gbm.round(3), "ridge r2", ridge.mean().round(4))
