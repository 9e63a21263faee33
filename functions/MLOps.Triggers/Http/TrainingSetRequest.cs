using MLOps.Core.FeatureStore.Offline;

namespace MLOps.Triggers.Http;

/// <summary>The body of a point-in-time training-set request: label events, each an entity key, a time and a label.</summary>
public sealed record TrainingSetRequest(IReadOnlyList<LabelEvent> Labels)
{
    public const int MaxLabels = 10_000;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (this.Labels is not { Count: > 0 and <= MaxLabels })
        {
            problems.Add($"labels must hold 1 to {MaxLabels} events");
        }
        else if (this.Labels.Any(l => string.IsNullOrEmpty(l.Key)))
        {
            problems.Add("every label needs a key");
        }

        return problems;
    }
}
