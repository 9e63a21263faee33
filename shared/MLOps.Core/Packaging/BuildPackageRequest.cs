using MLOps.Core.Naming;
using MLOps.Core.Pipelines;

namespace MLOps.Core.Packaging;

/// <summary>Which registered model version to package.</summary>
public sealed record BuildPackageRequest(string Project, string Model, int Version) : IValidatable
{
    public IReadOnlyList<string> Validate() => ModelVersionRules.Problems(this.Project, this.Model, this.Version);
}
