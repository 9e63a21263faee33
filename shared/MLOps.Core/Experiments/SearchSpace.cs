namespace MLOps.Core.Experiments;

/// <summary>The hyper-parameters a search may vary for one algorithm; parameters not listed keep the trainer's defaults.</summary>
public sealed record SearchSpace(string Algorithm, IReadOnlyList<ParameterRange> Parameters)
{
    public ParameterRange? Find(string name) =>
        this.Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}
