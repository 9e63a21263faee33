namespace MLOps.Core.Requirements;

/// <summary>One thing wrong with a spec: where (a JSON path such as <c>$.dataRules.columns[2].max</c>) and what.</summary>
public sealed record SpecProblem(string Path, string Message)
{
    public override string ToString() => $"{this.Path}: {this.Message}";
}
