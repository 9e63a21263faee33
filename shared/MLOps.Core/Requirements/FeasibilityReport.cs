namespace MLOps.Core.Requirements;

/// <summary>The result of checking a spec against a sample of the real data.</summary>
public sealed record FeasibilityReport(long Rows, IReadOnlyList<FeasibilityFinding> Findings)
{
    public LabelBalance? Balance { get; init; }

    public IReadOnlyList<ColumnSignal> Signals { get; init; } = [];

    public bool Passed => !this.Findings.Any(f => f.Severity == FindingSeverity.Error);

    public IEnumerable<FeasibilityFinding> Of(FeasibilityCheck check) => this.Findings.Where(f => f.Check == check);
}
