using Microsoft.DurableTask;
using Moq;
using MLOps.Activities.Integration;
using MLOps.Core.Integration;
using MLOps.Core.Integration.Builds;
using MLOps.Core.Packaging;
using MLOps.Core.Pipelines;
using MLOps.Core.Requirements;
using MLOps.Orchestrations;
using MLOps.Orchestrations.Platform;

namespace MLOps.UnitTests.Orchestrations;

public class ContinuousIntegrationOrchestratorTests
{
    private const string Digest = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static readonly ContinuousIntegrationRequest Request = new("credit", "credit-model", 3);

    private static readonly string[] Checks =
    [
        nameof(ScanOnnxActivity), nameof(CheckInputSchemaActivity), nameof(CheckFeatureSkewActivity), nameof(CheckQualityActivity),
        nameof(CheckParityActivity), nameof(CheckLatencyActivity), nameof(CheckFairnessActivity), nameof(CheckRobustnessActivity),
    ];

    [Fact]
    public async Task Builds_the_package_fans_every_check_out_on_its_digest_and_records_one_passed_build()
    {
        OrchestrationContextMock context = Arrange(out List<(string Activity, CheckTarget Target)> calls, out List<BuildRecordRequest> records);

        IntegrationBuild build = await new ContinuousIntegrationOrchestrator().RunAsync(context.Object, Request);

        // Each check ran once, on the built package by reference.
        Assert.Equal(Checks.Order(StringComparer.Ordinal), calls.Select(c => c.Activity).Order(StringComparer.Ordinal));
        Assert.All(calls, c => Assert.Equal(new CheckTarget("credit", "credit-model", 3, Digest), c.Target));

        // One record holds every result, under the run's instance id.
        BuildRecordRequest record = Assert.Single(records);
        Assert.Equal("ci-run-7", record.BuildId);
        Assert.Equal(
            [CheckNames.OnnxSecurity, CheckNames.InputSchema, CheckNames.FeatureSkew, CheckNames.Acceptance, CheckNames.Champion,
             CheckNames.Parity, CheckNames.Latency, CheckNames.DemographicParity("Age"), CheckNames.EqualOpportunity("Age"), CheckNames.Robustness],
            record.Results.Select(r => r.Check));
        Assert.True(build.Passed);
        Assert.Equal(Digest, build.Digest);
        Assert.Equal(["package", "checks", "record", "completed"], context.Statuses.Select(s => s.Stage));
        Assert.Equal([PipelineState.Started, PipelineState.Completed], context.States);
    }

    [Fact]
    public async Task A_model_below_the_gate_fails_the_build_and_the_run_names_the_check_its_figure_and_its_bound()
    {
        OrchestrationContextMock context = Arrange(out _, out List<BuildRecordRequest> records, results => results[nameof(CheckQualityActivity)] = () =>
            [Result(CheckNames.Acceptance, false, 0.8123, 0.95, GateDirection.AtLeast, "Auc"), Result(CheckNames.Champion, true, 0.8123, 0.8, GateDirection.AtLeast, "Auc")]);

        PipelineFailedException error = await Assert.ThrowsAsync<PipelineFailedException>(
            () => new ContinuousIntegrationOrchestrator().RunAsync(context.Object, Request));

        Assert.Contains("acceptance: FAILED, 0.8123 (must be >= 0.95 Auc)", error.Message, StringComparison.Ordinal);
        Assert.Contains(Digest, error.Message, StringComparison.Ordinal);
        Assert.Contains("/api/projects/credit/reports/models/credit-model/versions/3/build.html", error.Message, StringComparison.Ordinal);
        Assert.Equal([CheckNames.Acceptance], IntegrationBuild.From(Assert.Single(records)).FailedChecks);
        Assert.Equal([PipelineState.Started, PipelineState.Failed], context.States);
    }

    [Fact]
    public async Task A_model_file_failing_the_security_scan_is_never_loaded_on_a_worker()
    {
        OrchestrationContextMock context = Arrange(out List<(string Activity, CheckTarget Target)> calls, out List<BuildRecordRequest> records,
            results => results[nameof(ScanOnnxActivity)] = () => [Result(CheckNames.OnnxSecurity, false, 1, 0, GateDirection.AtMost, "findings")]);

        PipelineFailedException error = await Assert.ThrowsAsync<PipelineFailedException>(
            () => new ContinuousIntegrationOrchestrator().RunAsync(context.Object, Request));

        Assert.Equal(
            [nameof(CheckFeatureSkewActivity), nameof(CheckInputSchemaActivity), nameof(CheckQualityActivity), nameof(ScanOnnxActivity)],
            calls.Select(c => c.Activity).Order(StringComparer.Ordinal));
        IReadOnlyList<CheckResult> results = Assert.Single(records).Results;
        foreach (string check in new[] { CheckNames.Parity, CheckNames.Latency, CheckNames.Fairness, CheckNames.Robustness })
        {
            CheckResult skipped = Assert.Single(results, r => r.Check == check);
            Assert.False(skipped.Passed);
            Assert.Contains("failed its security scan", skipped.Detail, StringComparison.Ordinal);
        }

        Assert.Contains("onnx-security: FAILED, 1 (must be <= 0 findings)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_check_whose_activity_failed_is_recorded_as_not_run_with_its_error()
    {
        OrchestrationContextMock context = Arrange(out _, out List<BuildRecordRequest> records, results => results[nameof(CheckLatencyActivity)] = () =>
            throw new TaskFailedException(nameof(CheckLatencyActivity), 5, new TaskFailureDetails("InferenceWorkerException", "None of the 1 ONNX worker(s) is ready.", null, null, null)));

        PipelineFailedException error = await Assert.ThrowsAsync<PipelineFailedException>(
            () => new ContinuousIntegrationOrchestrator().RunAsync(context.Object, Request));

        CheckResult latency = Assert.Single(Assert.Single(records).Results, r => r.Check == CheckNames.Latency);
        Assert.False(latency.Passed);
        Assert.Equal("The check could not run: None of the 1 ONNX worker(s) is ready.", latency.Detail);
        Assert.Contains("latency: FAILED", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_package_that_cannot_be_built_fails_the_run_before_any_check()
    {
        var context = new OrchestrationContextMock("ci-run-8");
        context.Mock.Setup(c => c.CallActivityAsync<BuiltPackage>(
                It.Is<TaskName>(n => n.Name == nameof(BuildModelPackageActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ThrowsAsync(new TaskFailedException(nameof(BuildModelPackageActivity), 1, new TaskFailureDetails("InvalidDataException", "models:/credit-model/3 has no 'MLmodel'.", null, null, null)));

        await Assert.ThrowsAsync<TaskFailedException>(() => new ContinuousIntegrationOrchestrator().RunAsync(context.Object, Request));

        Assert.Equal([PipelineState.Started, PipelineState.Failed], context.States);
        Assert.Contains("has no 'MLmodel'", context.Lifecycle[^1].Detail, StringComparison.Ordinal);
    }

    private static OrchestrationContextMock Arrange(
        out List<(string Activity, CheckTarget Target)> calls, out List<BuildRecordRequest> records, Action<Dictionary<string, Func<CheckResult[]>>>? change = null)
    {
        var context = new OrchestrationContextMock("ci-run-7");
        var seen = new List<(string, CheckTarget)>();
        var recorded = new List<BuildRecordRequest>();
        (calls, records) = (seen, recorded);
        var results = new Dictionary<string, Func<CheckResult[]>>
        {
            [nameof(ScanOnnxActivity)] = () => [Result(CheckNames.OnnxSecurity, true, 0, 0, GateDirection.AtMost, "findings")],
            [nameof(CheckInputSchemaActivity)] = () => [Result(CheckNames.InputSchema, true, 0, 0, GateDirection.AtMost, "schema differences")],
            [nameof(CheckFeatureSkewActivity)] = () => [Result(CheckNames.FeatureSkew, true, 2e-8, 1e-6, GateDirection.AtMost, "scaled")],
            [nameof(CheckQualityActivity)] = () =>
                [Result(CheckNames.Acceptance, true, 0.84, 0.8, GateDirection.AtLeast, "Auc"), Result(CheckNames.Champion, true, 0.84, 0.8, GateDirection.AtLeast, "Auc")],
            [nameof(CheckParityActivity)] = () => [Result(CheckNames.Parity, true, 3e-8, 1e-5, GateDirection.AtMost, "absolute score difference")],
            [nameof(CheckLatencyActivity)] = () => [Result(CheckNames.Latency, true, 4.2, 200, GateDirection.AtMost, "ms")],
            [nameof(CheckFairnessActivity)] = () =>
                [Result(CheckNames.DemographicParity("Age"), true, 0.06, 0.1, GateDirection.AtMost, "rate"), Result(CheckNames.EqualOpportunity("Age"), true, 0.07, 0.1, GateDirection.AtMost, "rate")],
            [nameof(CheckRobustnessActivity)] = () => [Result(CheckNames.Robustness, true, 0.01, 0.05, GateDirection.AtMost, "share")],
        };
        change?.Invoke(results);
        context.Mock.SetupGet(c => c.CurrentUtcDateTime).Returns(new DateTime(2026, 1, 31, 12, 0, 0, DateTimeKind.Utc));
        context.Mock.Setup(c => c.CallActivityAsync<BuiltPackage>(
                It.Is<TaskName>(n => n.Name == nameof(BuildModelPackageActivity)),
                It.Is<object?>(i => i!.Equals(new BuildPackageRequest("credit", "credit-model", 3))),
                It.Is<TaskOptions?>(o => o != null && o.Retry != null)))
            .ReturnsAsync(new BuiltPackage("credit", "credit-model", 3, Digest, 12, 4096, Published: true));
        context.Mock.Setup(c => c.CallActivityAsync<IReadOnlyList<CheckResult>>(
                It.Is<TaskName>(n => Checks.Contains(n.Name)), It.IsAny<object?>(), It.Is<TaskOptions?>(o => o != null && o.Retry != null)))
            .Callback<TaskName, object?, TaskOptions?>((name, input, _) => seen.Add((name.Name, (CheckTarget)input!)))
            .ReturnsAsync((TaskName name, object? _, TaskOptions? _) => results[name.Name]());
        context.Mock.Setup(c => c.CallActivityAsync<IntegrationBuild>(
                It.Is<TaskName>(n => n.Name == nameof(RecordBuildActivity)), It.IsAny<object?>(), It.Is<TaskOptions?>(o => o != null && o.Retry != null)))
            .Callback<TaskName, object?, TaskOptions?>((_, input, _) => recorded.Add((BuildRecordRequest)input!))
            .ReturnsAsync((TaskName _, object? input, TaskOptions? _) => IntegrationBuild.From((BuildRecordRequest)input!));
        return context;
    }

    private static CheckResult Result(string check, bool passed, double figure, double bound, GateDirection comparison, string unit) => new()
    {
        Check = check,
        Passed = passed,
        Figure = figure,
        Bound = bound,
        Comparison = comparison,
        Unit = unit,
        Detail = "as measured",
    };
}
