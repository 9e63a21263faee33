using MLOps.Core.Requirements;

namespace MLOps.Core.Packaging;

/// <summary>
/// Which output of an exported model is its score: the positive-class probability of a binary classifier
/// (<c>Probability.output</c>), the class probabilities of a multiclass one or the prediction of a regression
/// (<c>Score.output</c>). One rule for the training's parity check and for the package a server reads.
/// </summary>
public static class ScoreOutput
{
    public static string Column(ModelTask task) => task == ModelTask.BinaryClassification ? "Probability" : "Score";

    /// <summary>The score output among <paramref name="outputs"/>, or null when the model has none.</summary>
    public static string? Find(ModelTask task, IEnumerable<string> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        string column = Column(task);
        return outputs.FirstOrDefault(n => n.StartsWith(column + ".", StringComparison.Ordinal) || n == column);
    }
}
