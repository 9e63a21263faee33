using MLOps.Core.Naming;
using MLOps.Core.Pipelines;

namespace MLOps.Core.Integration.Builds;

/// <summary>
/// Input of the continuous-integration pipeline: the registered model version to package and check. The registry's
/// <c>MLOps.Registry.ModelRegistered</c> event carries exactly these fields, so the event starts the pipeline as is.
/// </summary>
public sealed record ContinuousIntegrationRequest(string Project, string Model, int Version) : IPipelineInput
{
    public IReadOnlyList<string> Validate() => ModelVersionRules.Problems(this.Project, this.Model, this.Version);
}
