namespace MLOps.Core.Pipelines;

/// <summary>Route names of the pipelines, as users type them in <c>POST /api/pipelines/{pipeline}</c>.</summary>
public static class PipelineNames
{
    public const string Diagnostics = "diagnostics";
    public const string Requirements = "requirements";
    public const string DataEngineering = "data-engineering";
    public const string Experiment = "experiment";
    public const string Reproduce = "reproduce";
    public const string BatchScoring = "batch-scoring";

    /// <summary>Pipeline 4 of the guide: package a registered model version and check it.</summary>
    public const string ContinuousIntegration = "ci";

    /// <summary>Pipeline 5 of the guide: roll a checked package out onto an endpoint, gated, with approval and rollback.</summary>
    public const string ContinuousDeployment = "cd";
}
