namespace MLOps.Core.Tracking;

/// <summary>
/// MLflow-like experiment tracking. Every write is idempotent under the caller's deterministic run id: a
/// retried activity re-logs the same values onto the same run instead of creating another.
/// </summary>
public interface IExperimentTracker
{
    /// <summary>Creates the run, or returns it (set back to Running) when a retry starts it again.</summary>
    Task<RunRecord> StartRunAsync(RunStart start, CancellationToken cancellationToken = default);

    Task<RunRecord> LogParametersAsync(string project, string runId, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken = default);

    /// <summary>Sets the metrics' latest values; with a step, also appends (or replaces) that step in their history.</summary>
    Task<RunRecord> LogMetricsAsync(string project, string runId, IReadOnlyDictionary<string, double> metrics, long? step = null, CancellationToken cancellationToken = default);

    Task<RunRecord> SetTagsAsync(string project, string runId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default);

    /// <summary>Stores the artifact at <c>experiments/{project}/{experiment}/{runId}/{path}</c>; returns the blob name.</summary>
    Task<string> LogArtifactAsync(string project, string runId, string path, BinaryData content, CancellationToken cancellationToken = default);

    Task<string> LogArtifactAsync(string project, string runId, string path, Stream content, CancellationToken cancellationToken = default);

    Task<BinaryData?> ReadArtifactAsync(string project, string runId, string path, CancellationToken cancellationToken = default);

    Task<RunRecord> EndRunAsync(string project, string runId, RunStatus status, CancellationToken cancellationToken = default);

    Task<RunRecord?> GetRunAsync(string project, string runId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RunRecord>> SearchRunsAsync(string project, RunFilter? filter = null, CancellationToken cancellationToken = default);

    Task<RunComparison> CompareRunsAsync(string project, IReadOnlyList<string> runIds, CancellationToken cancellationToken = default);

    /// <summary>The completed run of the experiment with the best value of the metric; null when none has it.</summary>
    Task<RunRecord?> BestRunAsync(string project, string experiment, string metric, bool higherIsBetter = true, CancellationToken cancellationToken = default);
}
