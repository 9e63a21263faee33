namespace MLOps.LocalHost.Azurite;

public sealed class AzuriteOptions
{
    public const string SectionName = "Azurite";

    /// <summary>Start Azurite from the repository's node_modules when nothing listens on the blob port.</summary>
    public bool AutoStart { get; set; } = true;

    /// <summary>Data folder; relative paths are under the repository root.</summary>
    public string Location { get; set; } = ".azurite";

    public int BlobPort { get; set; } = 10000;

    public int QueuePort { get; set; } = 10001;

    public int TablePort { get; set; } = 10002;
}
