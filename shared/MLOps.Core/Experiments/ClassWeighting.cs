namespace MLOps.Core.Experiments;

/// <summary>
/// How classification trials weight their training rows. Balanced is scikit-learn's <c>class_weight="balanced"</c>:
/// a row of class c weighs n / (k · n_c) (n rows, k classes present, n_c rows of c), so every class carries the same
/// total weight. The choice travels as the trial parameter <see cref="ClassWeights.ParameterName"/>, so it is recorded with the
/// run's parameters and a reproduction trains with it again.
/// </summary>
public enum ClassWeighting
{
    None,

    Balanced,
}
