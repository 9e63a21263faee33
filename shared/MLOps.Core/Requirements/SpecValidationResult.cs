namespace MLOps.Core.Requirements;

/// <summary>Every problem found in a spec; the spec itself only when there are none.</summary>
public sealed record SpecValidationResult(ProjectSpec? Spec, IReadOnlyList<SpecProblem> Problems)
{
    public bool IsValid => this.Spec is not null && this.Problems.Count == 0;

    public ProjectSpec GetSpecOrThrow() =>
        this.IsValid
            ? this.Spec!
            : throw new InvalidDataException(
                "The project spec is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, this.Problems));
}
