using System.Diagnostics.CodeAnalysis;
using MLOps.Core.DataEngineering;
using MLOps.Core.Delivery;
using MLOps.Core.Projects;
using MLOps.Core.Diagnostics;
using MLOps.Core.Experiments;
using MLOps.Core.Integration.Builds;
using MLOps.Core.Security;
using MLOps.Core.Serving.Batch;

namespace MLOps.Core.Pipelines;

/// <summary>The pipelines this platform runs, looked up by route name.</summary>
public sealed class PipelineCatalog
{
    private readonly Dictionary<string, PipelineDefinition> byName;

    public PipelineCatalog(IEnumerable<PipelineDefinition> definitions) =>
        this.byName = definitions.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<PipelineDefinition> All => this.byName.Values;

    public static PipelineCatalog Default { get; } = new(
    [
        new PipelineDefinition(
            PipelineNames.Diagnostics,
            OrchestratorNames.Diagnostics,
            typeof(DiagnosticsRequest),
            new HashSet<Role> { Role.Admin, Role.OperationsEngineer, Role.PlatformService },
            "Self-test of the platform: runs steps, optionally fans out and waits for an approval event.",
            new Dictionary<string, Type> { [Approval.EventName] = typeof(Approval) }),
        new PipelineDefinition(
            PipelineNames.Requirements,
            OrchestratorNames.Requirements,
            typeof(RequirementsRequest),
            new HashSet<Role> { Role.Admin, Role.ProjectManager, Role.MlArchitect, Role.DataScientist, Role.PlatformService },
            "Validates a project spec, checks it against real data, writes the design document and registers the project's gates."),
        new PipelineDefinition(
            PipelineNames.DataEngineering,
            OrchestratorNames.DataEngineering,
            typeof(DataEngineeringRequest),
            new HashSet<Role> { Role.Admin, Role.DataEngineer, Role.PlatformService },
            "Ingests a landed data file under the project's rules and publishes it as a feature-set version."),
        new PipelineDefinition(
            PipelineNames.Experiment,
            OrchestratorNames.Experiment,
            typeof(ExperimentRequest),
            new HashSet<Role> { Role.Admin, Role.DataScientist, Role.MlArchitect, Role.PlatformService },
            "Searches hyper-parameters over a feature-set version, exports the best model to ONNX, checks parity and registers it."),
        new PipelineDefinition(
            PipelineNames.Reproduce,
            OrchestratorNames.Reproduce,
            typeof(ReproductionRequest),
            new HashSet<Role> { Role.Admin, Role.MlArchitect, Role.DataScientist, Role.OperationsEngineer, Role.PlatformService },
            "Trains a recorded run again from what the tracker holds and compares its metrics with the recorded ones."),
        new PipelineDefinition(
            PipelineNames.ContinuousIntegration,
            OrchestratorNames.ContinuousIntegration,
            typeof(ContinuousIntegrationRequest),
            new HashSet<Role> { Role.Admin, Role.DataScientist, Role.MlArchitect, Role.PlatformService },
            "Builds the signed package of a registered model version and checks it (parity, contract and skew, quality, latency, fairness, robustness, ONNX scan) into one verdict."),
        new PipelineDefinition(
            PipelineNames.BatchScoring,
            OrchestratorNames.BatchScoring,
            typeof(BatchScoringRequest),
            new HashSet<Role> { Role.Admin, Role.Application, Role.OperationsEngineer, Role.DataScientist, Role.MlArchitect, Role.PlatformService },
            "Scores a CSV or Parquet file of raw records with an endpoint's deployment, fanned out over row chunks, into one predictions file."),

        // No events: an approval reaches a run only through POST /api/pipelines/cd/{id}/approvals, which checks the approver.
        new PipelineDefinition(
            PipelineNames.ContinuousDeployment,
            OrchestratorNames.ContinuousDeployment,
            typeof(DeploymentRequest),
            new HashSet<Role> { Role.Admin, Role.MlArchitect, Role.OperationsEngineer, Role.PlatformService },
            "Rolls a package that passed continuous integration out onto an endpoint (all at once, canary, linear, blue-green, shadow or A/B), baking and gating each step, with approval by risk tier, automatic rollback and promotion to champion."),
    ]);

    public bool TryGet(string name, [NotNullWhen(true)] out PipelineDefinition? definition) =>
        this.byName.TryGetValue(name, out definition);

    /// <summary>The pipeline an instance runs, by its orchestrator's name; null for sub-orchestrations.</summary>
    public PipelineDefinition? ForOrchestrator(string orchestrator) =>
        this.byName.Values.FirstOrDefault(d => d.Orchestrator == orchestrator);
}
