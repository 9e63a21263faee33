namespace MLOps.Core.Experiments;

/// <summary>
/// What the decision threshold of a binary classifier maximises on the validation rows (never the holdout). The
/// candidates are the distinct validation probabilities, a row is positive when its probability is at least the
/// threshold, and ties go to the higher threshold (fewer rows flagged).
/// </summary>
public enum ThresholdObjective
{
    /// <summary>Harmonic mean of precision and recall: the usual choice when positives are rare.</summary>
    F1,

    /// <summary>Youden's J, true positive rate − false positive rate: weighs both classes' errors alike.</summary>
    Youden,
}
