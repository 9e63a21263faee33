namespace MLOps.Core.Serving.Workers;

/// <summary>
/// A model's V2 metadata as a worker reports it: its serving name, the loaded versions, platform, tensors, and the
/// worker's parameters — the package digest the version was loaded from and the execution provider it runs on.
/// </summary>
public sealed record WorkerModelMetadata(
    string Name,
    IReadOnlyList<string> Versions,
    string Platform,
    IReadOnlyList<WorkerTensorMetadata> Inputs,
    IReadOnlyList<WorkerTensorMetadata> Outputs,
    IReadOnlyDictionary<string, string> Parameters)
{
    public string? Package => this.Parameters.GetValueOrDefault(WorkerProtocol.PackageParameter);

    public string? Provider => this.Parameters.GetValueOrDefault(WorkerProtocol.ProviderParameter);
}
