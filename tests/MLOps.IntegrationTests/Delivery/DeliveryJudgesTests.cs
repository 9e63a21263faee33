using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MLOps.Core;
using MLOps.Core.Delivery.AbTesting;
using MLOps.Core.Delivery.Gates;
using MLOps.Core.Labels;
using MLOps.Core.Serving.RequestLog;
using MLOps.Core.Serving.Scoring;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests.Delivery;

/// <summary>
/// The deployment gates and the A/B judge as the platform composes them (AddMLOpsCore), over request-log entries
/// written through the real blob request log and labels in the real label table, on Azurite.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class DeliveryJudgesTests(AzuriteFixture storage) : IAsyncLifetime
{
    private static readonly DateTimeOffset Ten = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);

    private readonly string project = "cd" + Guid.NewGuid().ToString("N")[..8];
    private ServiceProvider services = null!;

    public Task InitializeAsync()
    {
        this.services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = storage.ConnectionString }).Build())
            .AddMLOpsCore()
            .BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await this.services.DisposeAsync();

    [Fact]
    public async Task Gates_judge_the_candidates_mirror_copies_against_what_the_baseline_answered_with_labels()
    {
        // Blue-green over two hours: d-old answers 60 requests (85% right), d-new scores a mirrored copy of each
        // (75% right, 30 ms against 20 ms). After the window, d-new failing 20 requests must not count.
        IRequestLog log = this.services.GetRequiredService<IRequestLog>();
        ILabelStore labels = this.services.GetRequiredService<ILabelStore>();
        for (int i = 0; i < 60; i++)
        {
            DateTimeOffset time = Ten.AddMinutes(i * 2);
            await log.AppendAsync(this.Entry($"b{i}", time, "d-old", 20, i < 51 ? "good" : "bad") with { Mirror = "d-new" });
            await log.AppendAsync(this.Entry($"m{i}", time, "d-new", 30, i < 45 ? "good" : "bad") with { MirrorOf = $"b{i}" });
            await labels.AppendAsync(this.Label($"b{i}", "good", time.AddHours(3)));
        }

        for (int i = 0; i < 20; i++)
        {
            await log.AppendAsync(this.Entry($"late{i}", Ten.AddHours(2).AddMinutes(i), "d-new", 5, null) with { Status = 503, Outputs = null });
        }

        IDeploymentGates gates = this.services.GetRequiredService<IDeploymentGates>();
        var window = new GateWindow(this.project, "scores", "d-new", "d-old", Ten, Ten.AddHours(2));
        GateVerdict verdict = await gates.EvaluateAsync(window, new GateBounds());
        GateVerdict first = await gates.EvaluateAsync(window with { Baseline = null }, new GateBounds());
        GateVerdict early = await gates.EvaluateAsync(window with { To = Ten.AddMinutes(30) }, new GateBounds());

        Assert.Equal((GateOutcome.Failed, 60L, 60L), (verdict.Outcome, verdict.CandidateRequests, verdict.BaselineRequests));
        GateFigure metric = Assert.Single(verdict.Gates, g => g.Gate == GateNames.LabelMetric);
        Assert.Equal((0.75, 0.85, false), (metric.Figure!.Value, metric.BaselineFigure!.Value, metric.Passed));
        Assert.All(verdict.Gates.Where(g => g.Gate != GateNames.LabelMetric), g => Assert.True(g.Judged && g.Passed, g.Detail));
        Assert.Equal(30.0, Assert.Single(verdict.Gates, g => g.Gate == GateNames.P95Latency).Figure);
        Assert.Contains("failed 1 of 4 judged gates over 60 requests: accuracy 75.00% on 60 labelled predictions is below the floor 80.00%", verdict.Summary, StringComparison.Ordinal);

        // Without a baseline only what the candidate shows alone is judged; 15 requests are too few.
        Assert.Equal(GateOutcome.Passed, first.Outcome);
        Assert.Equal([GateNames.ErrorRate], first.Gates.Where(g => g.Judged).Select(g => g.Gate));
        Assert.Equal((GateOutcome.InsufficientData, 15L), (early.Outcome, early.CandidateRequests));
    }

    [Fact]
    public async Task The_ab_judge_joins_each_arms_answers_to_their_labels_and_decides()
    {
        // An A/B split: d-a and d-b answer alternate requests, 400 each; d-a is right 70% of the time, d-b 85%.
        IRequestLog log = this.services.GetRequiredService<IRequestLog>();
        ILabelStore labels = this.services.GetRequiredService<ILabelStore>();
        for (int i = 0; i < 800; i++)
        {
            bool a = i % 2 == 0;
            int n = i / 2;
            bool right = a ? n % 10 < 7 : n % 20 < 17;
            await log.AppendAsync(this.Entry($"r{i}", Ten.AddSeconds(i * 5), a ? "d-a" : "d-b", 10, right ? "good" : "bad"));
            await labels.AppendAsync(this.Label($"r{i}", "good", Ten.AddHours(5)));
        }

        IAbJudge judge = this.services.GetRequiredService<IAbJudge>();
        var window = new AbWindow(this.project, "scores", "d-a", "d-b", Ten, Ten.AddHours(2));
        AbDecision decided = await judge.JudgeAsync(window, new AbSettings { MinSamplesPerArm = 400 });
        AbDecision waiting = await judge.JudgeAsync(window, new AbSettings { MinSamplesPerArm = 401 });

        // 280/400 against 340/400: pooled p̂ = 0.775, z = 0.15 / √(0.775 · 0.225 · 2/400) = 5.0637...
        Assert.Equal((AbOutcome.TreatmentWins, "two-proportion z", 400L, 400L), (decided.Outcome, decided.Test, decided.ControlSamples, decided.TreatmentSamples));
        Assert.Equal((0.70, 0.85), (decided.ControlMean!.Value, decided.TreatmentMean!.Value));
        Assert.Equal(0.15 / Math.Sqrt(0.775 * 0.225 * 2 / 400), decided.Statistic!.Value, 1e-12);
        Assert.True(decided.PValue < 1e-6);
        Assert.Equal(AbOutcome.Undecided, waiting.Outcome);
    }

    private RequestLogEntry Entry(string id, DateTimeOffset time, string deployment, double durationMs, string? label) => new()
    {
        RequestId = id,
        Time = time,
        Project = this.project,
        Endpoint = "scores",
        Deployment = deployment,
        Principal = "app",
        Status = 200,
        DurationMs = durationMs,
        InputKind = ScoreInputKind.Rows,
        Outputs = [new RowResult { Score = label == "good" ? 0.8f : 0.3f, Label = label }],
    };

    private GroundTruthLabel Label(string requestId, string label, DateTimeOffset time) =>
        new() { Project = this.project, Endpoint = "scores", RequestId = requestId, Label = label, Time = time };
}
