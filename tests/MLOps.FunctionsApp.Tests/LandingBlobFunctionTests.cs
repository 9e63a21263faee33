using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.DurableTask.Client;
using MLOps.Core.Pipelines;
using MLOps.Core.Storage;
using MLOps.FunctionsApp.Tests.Support;
using MLOps.FunctionsApp.Triggers;
using Moq;

namespace MLOps.FunctionsApp.Tests;

public sealed class LandingBlobFunctionTests
{
    private const string ETag = "\"0x8DD0000000000AB\"";

    /// <summary>
    /// "data-{project}-" and the first 24 hex digits of SHA-256("landing/{name}|{ETag without quotes}"), computed outside
    /// .NET: python3 -c "import hashlib; print(hashlib.sha256(b'landing/churn/2025-01-01.csv|0x8DD0000000000AB').hexdigest()[:24])".
    /// </summary>
    private const string InstanceId = "data-churn-09c2c7d76d12a2ed2bb18cef";

    [Fact]
    public async Task NewBlobStartsTheDataPipelineUnderItsDeterministicId()
    {
        using var harness = new TriggerHarness();

        await harness.Create<LandingBlobFunction>().RunAsync(Blob("churn/2025-01-01.csv").Object, harness.Durable.Client, CancellationToken.None);

        harness.Durable.VerifyScheduled(OrchestratorNames.DataEngineering, o => o?.InstanceId == InstanceId, Times.Once());
    }

    [Fact]
    public async Task BlobWhoseRunExistsStartsNothing()
    {
        using var harness = new TriggerHarness();
        harness.Durable.Add(new OrchestrationMetadata(OrchestratorNames.DataEngineering, InstanceId)
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Completed,
        });

        await harness.Create<LandingBlobFunction>().RunAsync(Blob("churn/2025-01-01.csv").Object, harness.Durable.Client, CancellationToken.None);

        harness.Durable.VerifyNothingScheduled();
    }

    [Fact]
    public async Task BlobWithTraversalInItsNameStartsNothing()
    {
        using var harness = new TriggerHarness();

        await harness.Create<LandingBlobFunction>().RunAsync(Blob("p/../x.csv").Object, harness.Durable.Client, CancellationToken.None);

        harness.Durable.VerifyNothingScheduled();
        harness.Durable.Mock.Verify(
            c => c.GetInstancesAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task BlobDeletedBeforeHandlingStartsNothing()
    {
        using var harness = new TriggerHarness();
        var blob = new Mock<BlobClient>();
        blob.SetupGet(b => b.Name).Returns("churn/gone.csv");
        blob.Setup(b => b.GetPropertiesAsync(It.IsAny<BlobRequestConditions>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(404, "BlobNotFound"));

        await harness.Create<LandingBlobFunction>().RunAsync(blob.Object, harness.Durable.Client, CancellationToken.None);

        harness.Durable.VerifyNothingScheduled();
    }

    private static Mock<BlobClient> Blob(string name)
    {
        var blob = new Mock<BlobClient>();
        blob.SetupGet(b => b.Name).Returns(name);
        blob.SetupGet(b => b.BlobContainerName).Returns(BlobContainers.Landing);
        BlobProperties properties = BlobsModelFactory.BlobProperties(eTag: new ETag(ETag), contentLength: 42);
        blob.Setup(b => b.GetPropertiesAsync(It.IsAny<BlobRequestConditions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Response.FromValue(properties, Mock.Of<Response>()));
        return blob;
    }
}
