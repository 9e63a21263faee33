namespace MLOps.Core.Pipelines;

/// <summary>
/// Names under which the orchestrators are registered. Kept here so the catalog needs no reference to the
/// orchestration project; a unit test checks each one is registered.
/// </summary>
public static class OrchestratorNames
{
    public const string Diagnostics = "DiagnosticsOrchestrator";
    public const string Requirements = "RequirementsOrchestrator";
    public const string DataEngineering = "DataEngineeringOrchestrator";
    public const string Experiment = "ExperimentOrchestrator";
    public const string Reproduce = "ReproduceRunOrchestrator";
    public const string ContinuousIntegration = "ContinuousIntegrationOrchestrator";
    public const string BatchScoring = "BatchScoringOrchestrator";
    public const string ContinuousDeployment = "ContinuousDeploymentOrchestrator";
}
