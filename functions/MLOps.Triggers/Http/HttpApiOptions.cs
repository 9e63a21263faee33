namespace MLOps.Triggers.Http;

public sealed class HttpApiOptions
{
    public const string SectionName = "HttpApi";

    /// <summary>Largest accepted request body. Data travels by blob reference, so bodies stay small.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}
