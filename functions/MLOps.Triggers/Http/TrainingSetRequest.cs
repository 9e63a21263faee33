using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.Naming;
using MLOps.Core.Pipelines;

namespace MLOps.Triggers.Http;

/// <summary>The body of a point-in-time training-set request: label events, each an entity key, a time and a label.</summary>
public sealed record TrainingSetRequest(IReadOnlyList<LabelEvent> Labels) : IValidatable
{
    public const int MaxLabels = 10_000;

    public IReadOnlyList<string> Validate()
    {
        if (this.Labels is not { Count: > 0 and <= MaxLabels })
        {
            return [$"labels must hold 1 to {MaxLabels} events"];
        }

        var problems = new List<string>();
        for (int i = 0; i < this.Labels.Count && problems.Count < 10; i++)
        {
            if (this.Labels[i] is not { } label)
            {
                problems.Add($"labels[{i}] must not be null");
                continue;
            }

            if (NameRules.Key.Problem($"labels[{i}].key", label.Key) is { } key)
            {
                problems.Add(key);
            }

            if (label.Label is not null && NameRules.Key.Problem($"labels[{i}].label", label.Label) is { } text)
            {
                problems.Add(text);
            }
        }

        return problems;
    }
}
