using System.Globalization;
using Microsoft.DurableTask;
using MLOps.Activities.Integration;
using MLOps.Core.Integration;
using MLOps.Core.Integration.Builds;
using MLOps.Core.Packaging;
using MLOps.Core.Pipelines;
using MLOps.Orchestrations.Platform;

namespace MLOps.Orchestrations;

/// <summary>
/// Pipeline 4 of the guide, continuous integration: build the registered version's signed package, scan its ONNX
/// file, check the package in parallel — contract and skew, quality, and, once the scan has passed, parity, latency,
/// fairness and robustness on an ONNX worker — then record the build with its verdict. A failed check fails the run,
/// its status naming the check, its figure and its bound. Every check gets the package by reference (its digest).
/// </summary>
public sealed class ContinuousIntegrationOrchestrator : TaskOrchestrator<ContinuousIntegrationRequest, IntegrationBuild>
{
    private const int Steps = 3;

    private static readonly TaskOptions Retry = RetryPolicies.Platform;

    /// <summary>Checks that read the package and its sources without running its model.</summary>
    public static IReadOnlyList<(string Activity, string Check)> FileChecks { get; } =
    [
        (nameof(CheckInputSchemaActivity), CheckNames.InputSchema),
        (nameof(CheckFeatureSkewActivity), CheckNames.FeatureSkew),
        (nameof(CheckQualityActivity), CheckNames.Quality),
    ];

    /// <summary>Checks that load the model on a worker: only a model whose file passed the security scan is loaded.</summary>
    public static IReadOnlyList<(string Activity, string Check)> WorkerChecks { get; } =
    [
        (nameof(CheckParityActivity), CheckNames.Parity),
        (nameof(CheckLatencyActivity), CheckNames.Latency),
        (nameof(CheckFairnessActivity), CheckNames.Fairness),
        (nameof(CheckRobustnessActivity), CheckNames.Robustness),
    ];

    public override Task<IntegrationBuild> RunAsync(TaskOrchestrationContext context, ContinuousIntegrationRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        string model = string.Create(CultureInfo.InvariantCulture, $"{input.Model} v{input.Version} ({input.Project})");
        return PipelineRun.RunAsync(context, PipelineNames.ContinuousIntegration, async () =>
        {
            context.SetCustomStatus(new PipelineProgress("package", 0, Steps, model));
            BuiltPackage package = await context.CallActivityAsync<BuiltPackage>(
                nameof(BuildModelPackageActivity), new BuildPackageRequest(input.Project, input.Model, input.Version), Retry);
            var target = new CheckTarget(input.Project, input.Model, input.Version, package.Digest);

            context.SetCustomStatus(new PipelineProgress("checks", 1, Steps, package.Digest));
            Task<IReadOnlyList<CheckResult>> scan = CheckAsync(context, nameof(ScanOnnxActivity), CheckNames.OnnxSecurity, target);
            Task<IReadOnlyList<CheckResult>>[] files = [.. FileChecks.Select(c => CheckAsync(context, c.Activity, c.Check, target))];
            bool loadable = (await scan).All(r => r.Passed);
            Task<IReadOnlyList<CheckResult>>[] runs = [.. WorkerChecks.Select(c => loadable
                ? CheckAsync(context, c.Activity, c.Check, target)
                : Task.FromResult<IReadOnlyList<CheckResult>>([CheckResult.NotRun(c.Check, "the package's ONNX file failed its security scan, so it was not loaded on a worker.")]))];
            IReadOnlyList<CheckResult>[] results = await Task.WhenAll([scan, .. files, .. runs]);

            context.SetCustomStatus(new PipelineProgress("record", 2, Steps, package.Digest));
            IntegrationBuild build = await context.CallActivityAsync<IntegrationBuild>(
                nameof(RecordBuildActivity),
                new BuildRecordRequest(target, context.InstanceId, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero), [.. results.SelectMany(r => r)]),
                Retry);
            if (!build.Passed)
            {
                throw new PipelineFailedException($"Build {build.BuildId} of {model}, package {build.Digest}: {build.Summary} Report: {ReportRoute(input)}");
            }

            context.SetCustomStatus(new PipelineProgress("completed", Steps, Steps, build.Summary));
            return build;
        });
    }

    /// <summary>The HTML report of the version's latest build.</summary>
    public static string ReportRoute(ContinuousIntegrationRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return string.Create(CultureInfo.InvariantCulture, $"/api/projects/{input.Project}/reports/models/{input.Model}/versions/{input.Version}/build.html");
    }

    /// <summary>A check whose activity failed (after its retries) is a failed result naming the check and the error, so the build is still recorded.</summary>
    private static async Task<IReadOnlyList<CheckResult>> CheckAsync(TaskOrchestrationContext context, string activity, string check, CheckTarget target)
    {
        try
        {
            return await context.CallActivityAsync<IReadOnlyList<CheckResult>>(activity, target, Retry);
        }
        catch (TaskFailedException ex)
        {
            return [CheckResult.NotRun(check, ex.FailureDetails.ErrorMessage)];
        }
    }
}
