using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MLOps.Core.FeatureStore;
using MLOps.Core.Serving;
using MLOps.Core.Serving.Endpoints;
using MLOps.Core.Serving.RequestLog;
using MLOps.Core.Serving.Scoring;
using Moq;

namespace MLOps.UnitTests.Core.Serving;

/// <summary>
/// Routing and mirroring in the scoring service, with the credit package's real contract and mocked workers: the
/// mirror is scored after the answer, never in its way, and its failure is its own log entry.
/// </summary>
public sealed class ScoringMirrorTests : IDisposable
{
    /// <summary>tests/reference/traffic_bucket_reference.py: its mirror bucket is 3263, inside a 50% mirror share.</summary>
    private const string MirroredKey = "customer-42";

    private static readonly string A = new('a', 64), B = new('b', 64);

    private const string IdA = "d-aaaaaaaaaaaa", IdB = "d-bbbbbbbbbbbb";
    private const string NameA = "credit.scoring." + IdA, NameB = "credit.scoring." + IdB;

    private static readonly Uri Worker = new("http://127.0.0.1:9001/");

    private readonly InMemoryEndpointStore store = new();
    private readonly InMemoryRequestLog log = new();
    private readonly Mock<IPackageScoring> scoring = new();
    private readonly ServiceProvider metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly RequestMirror mirror;
    private readonly ScoringService service;

    public ScoringMirrorTests()
    {
        var options = Options.Create(new ServingOptions { MirrorConcurrency = 1, MirrorQueue = 1 });
        var serving = new ServingMetrics(this.metrics.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var deployments = new DeploymentScoring(
            new OnlineFeatureStore(new Azure.Data.Tables.TableServiceClient("UseDevelopmentStorage=true")), this.scoring.Object, serving, options, NullLogger<DeploymentScoring>.Instance);
        this.mirror = new RequestMirror(deployments, this.log, serving, options, NullLogger<RequestMirror>.Instance);
        this.service = new ScoringService(this.store, deployments, this.mirror, this.log, serving, TimeProvider.System, options, NullLogger<ScoringService>.Instance);
        foreach (string digest in new[] { A, B })
        {
            this.scoring.Setup(s => s.OpenAsync(digest, It.IsAny<CancellationToken>())).Returns(async () => await PendingRowsTests.CreditPackageAsync(digest));
        }

        this.scoring.Setup(s => s.InferAsync(It.IsAny<ScoringPackage>(), NameA, It.IsAny<ReadOnlyMemory<float>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ModelScores([0.25f], 1, Worker, "1"));
    }

    [Fact]
    public async Task A_mirror_that_fails_is_logged_with_its_own_status_and_the_answer_is_the_answering_deployments()
    {
        await this.DeployAsync(new TrafficWeight(A, 100), new TrafficWeight(B, 0, 50));
        this.scoring.Setup(s => s.InferAsync(It.IsAny<ScoringPackage>(), NameB, It.IsAny<ReadOnlyMemory<float>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new WorkerFailedException("worker answered 500: out of memory"));

        ScoreOutcome outcome = await this.ScoreAsync(MirroredKey);
        RequestLogEntry copy = await this.log.WaitForAsync(outcome.RequestId + ".mirror");

        Assert.Equal((200, IdA, 0.25f), (outcome.Status, outcome.Answer!.Deployment, outcome.Answer.Results[0].Score));
        RequestLogEntry answered = this.log.Entries.Single(e => e.RequestId == outcome.RequestId);
        Assert.Equal((200, IdA, IdB, null), (answered.Status, answered.Deployment, answered.Mirror, answered.MirrorOf));
        Assert.Equal((502, IdB, outcome.RequestId, null, B), (copy.Status, copy.Deployment, copy.MirrorOf, copy.Mirror, copy.Package));
        Assert.Contains("out of memory", Assert.Single(copy.Errors!), StringComparison.Ordinal);
        Assert.Equal(answered.Inputs!.ToJsonString(), copy.Inputs!.ToJsonString());
    }

    [Fact]
    public async Task The_answer_does_not_wait_for_its_mirror_and_a_full_mirror_queue_skips_the_copy()
    {
        await this.DeployAsync(new TrafficWeight(A, 100), new TrafficWeight(B, 0, 50));
        var stuck = new TaskCompletionSource<ModelScores>(TaskCreationOptions.RunContinuationsAsynchronously);
        this.scoring.Setup(s => s.InferAsync(It.IsAny<ScoringPackage>(), NameB, It.IsAny<ReadOnlyMemory<float>>(), It.IsAny<CancellationToken>()))
            .Returns(stuck.Task);

        // One copy is scored at a time and one waits: the first is stuck in its inference, the second waits, the third
        // finds the queue full. Every answer comes back meanwhile.
        ScoreOutcome first = await this.ScoreAsync(MirroredKey);
        await WaitUntilAsync(() => this.scoring.Invocations.Any(i => i.Method.Name == nameof(IPackageScoring.InferAsync) && (string?)i.Arguments[1] == NameB));
        ScoreOutcome second = await this.ScoreAsync(MirroredKey);
        ScoreOutcome third = await this.ScoreAsync(MirroredKey);

        Assert.All(new[] { first, second, third }, o => Assert.Equal(200, o.Status));
        Assert.Equal([IdB, IdB, null], new[] { first, second, third }.Select(o => this.log.Entries.Single(e => e.RequestId == o.RequestId).Mirror));
        Assert.DoesNotContain(this.log.Entries, e => e.MirrorOf is not null);

        stuck.SetResult(new ModelScores([0.75f], 1, Worker, "2"));
        RequestLogEntry firstCopy = await this.log.WaitForAsync(first.RequestId + ".mirror");
        RequestLogEntry secondCopy = await this.log.WaitForAsync(second.RequestId + ".mirror");
        Assert.Equal((200, 0.75f), (firstCopy.Status, firstCopy.Outputs![0].Score));
        Assert.Equal(second.RequestId, secondCopy.MirrorOf);
        Assert.DoesNotContain(this.log.Entries, e => e.RequestId == third.RequestId + ".mirror");
    }

    [Fact]
    public async Task A_request_the_table_does_not_mirror_has_no_copy_and_a_routing_key_keeps_its_deployment()
    {
        // tests/reference/traffic_bucket_reference.py: key "1" has mirror bucket 5115, outside a 50% mirror share.
        await this.DeployAsync(new TrafficWeight(A, 100), new TrafficWeight(B, 0, 50));

        ScoreOutcome outcome = await this.ScoreAsync("1");

        Assert.Equal(200, outcome.Status);
        Assert.Null(this.log.Entries.Single(e => e.RequestId == outcome.RequestId).Mirror);
        this.scoring.Verify(s => s.InferAsync(It.IsAny<ScoringPackage>(), NameB, It.IsAny<ReadOnlyMemory<float>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_routing_key_that_is_not_a_key_is_refused_naming_the_header()
    {
        await this.DeployAsync(new TrafficWeight(A, 100));

        ScoreOutcome outcome = await this.ScoreAsync("line\nbreak");

        Assert.Equal(400, outcome.Status);
        Assert.StartsWith("x-routing-key: must be 1 to 256 characters", Assert.Single(outcome.Errors), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        this.mirror.Dispose();
        this.metrics.Dispose();
    }

    private Task<ScoreOutcome> ScoreAsync(string routingKey) =>
        this.service.ScoreAsync("credit", "scoring", new JsonObject { ["rows"] = new JsonArray(JsonSerializerRow()) }.ToJsonString(), 1 << 20, "application", routingKey);

    private static JsonObject JsonSerializerRow()
    {
        var row = new JsonObject();
        foreach ((string column, string? value) in PendingRowsTests.Good())
        {
            row[column] = value;
        }

        return row;
    }

    private async Task DeployAsync(params TrafficWeight[] table) => await this.store.SaveAsync(
        new ServingEndpoint
        {
            Project = "credit",
            Name = "scoring",
            Deployments = [.. table.Select(w => TrafficTableTests.Deployment(w.Package, w.TrafficPercent, w.MirrorPercent))],
            Revision = 0,
            UpdatedAt = DateTimeOffset.UnixEpoch,
            UpdatedBy = "operations",
        },
        0);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
