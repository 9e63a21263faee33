namespace MLOps.Core.Storage;

public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Connection string of the platform's storage account (Azurite locally).</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";
}
