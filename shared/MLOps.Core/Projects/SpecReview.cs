using MLOps.Core.Requirements;

namespace MLOps.Core.Projects;

/// <summary>
/// The verdict on a submitted spec: every problem at once with its JSON path, or the canonical spec stored under
/// its content hash for the later steps to read.
/// </summary>
public sealed record SpecReview(string Project, IReadOnlyList<SpecProblem> Problems, string? SpecBlob, string? SpecSha256)
{
    public bool IsValid => this.Problems.Count == 0 && this.SpecBlob is not null;
}
