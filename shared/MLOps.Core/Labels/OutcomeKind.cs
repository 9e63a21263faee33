namespace MLOps.Core.Labels;

/// <summary>
/// How a labelled prediction is scored: <see cref="Correctness"/> (1 when the predicted class is the label, else 0)
/// for classification, <see cref="AbsoluteError"/> (|prediction − label|) for regression.
/// </summary>
public enum OutcomeKind
{
    Correctness,
    AbsoluteError,
}
