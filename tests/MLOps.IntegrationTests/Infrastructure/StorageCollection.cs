namespace MLOps.IntegrationTests.Infrastructure;

/// <summary>One Azurite (blob, queue, table) shared by the tests that talk to storage directly, without the hosts.</summary>
[CollectionDefinition(Name)]
public sealed class StorageCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Storage";
}
