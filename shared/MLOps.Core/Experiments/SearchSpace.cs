using MLOps.Core.Naming;

namespace MLOps.Core.Experiments;

/// <summary>The hyper-parameters a search may vary for one algorithm; parameters not listed keep the trainer's defaults.</summary>
public sealed record SearchSpace(string Algorithm, IReadOnlyList<ParameterRange> Parameters)
{
    public ParameterRange? Find(string name) =>
        this.Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    /// <summary>Every problem of a space a caller sent, named under <paramref name="path"/>.</summary>
    public IReadOnlyList<string> Validate(string path)
    {
        var problems = new List<string>();
        if (NameRules.Key.Problem($"{path}.algorithm", this.Algorithm) is { } algorithm)
        {
            problems.Add(algorithm);
        }

        IReadOnlyList<ParameterRange?> parameters = this.Parameters ?? [];
        for (int i = 0; i < parameters.Count; i++)
        {
            problems.AddRange(parameters[i] is { } range ? range.Validate($"{path}.parameters[{i}]") : [$"{path}.parameters[{i}] must not be null"]);
        }

        if (parameters.OfType<ParameterRange>().GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            problems.Add($"{path}.parameters names '{twice.Key}' more than once");
        }

        return problems;
    }
}
