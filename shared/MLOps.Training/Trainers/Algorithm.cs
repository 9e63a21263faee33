namespace MLOps.Training.Trainers;

/// <summary>
/// The learners a trial may pick. The classification names serve binary and multiclass alike (multiclass maps
/// LogisticRegression to L-BFGS maximum entropy, LightGbm to its softmax objective and the FastTree family to
/// one-versus-all); the regression names are separate so a search space is never ambiguous about its task.
/// </summary>
public enum Algorithm
{
    /// <summary>L-BFGS logistic regression on mean-imputed, standardised features.</summary>
    LogisticRegression,

    FastTree,

    FastForest,

    /// <summary>LightGBM with categorical splits off: our features are already encoded, and the ONNX export needs it.</summary>
    LightGbm,

    /// <summary>
    /// Linear regression by online gradient descent on mean-imputed, standardised features. Chosen over OLS (needs the
    /// native MKL package), SDCA (several times slower than L-BFGS for no gain, per the issue) and Poisson (assumes
    /// non-negative counts); it exports to ONNX as a plain linear regressor.
    /// </summary>
    OnlineGradientDescentRegression,

    FastTreeRegression,

    FastForestRegression,

    LightGbmRegression,
}
