using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MLOps.Core.Packaging;

namespace MLOps.IntegrationTests.Infrastructure;

/// <summary>
/// Credit models trained by the real pipelines (requirements → data → experiment on the bundled credit data) and
/// packaged, for the serving tests. Training takes a while on two cores, so the first project is trained once per
/// test run and shared; a test that needs another version of the same project trains it on that project.
/// </summary>
internal static class CreditModels
{
    private static readonly string[] LogisticRegression = ["LogisticRegression"];

    private static readonly Lock Gate = new();

    private static Task<CreditModel>? shared;

    /// <summary>The shared credit project and its version 1's package.</summary>
    public static Task<CreditModel> SharedAsync(this PlatformFixture platform)
    {
        lock (Gate)
        {
            return shared ??= TrainFirstAsync(platform);
        }
    }

    /// <summary>
    /// Runs the experiment pipeline again on <paramref name="project"/> (one trial, two folds: a quick, different
    /// model), which registers the next version, and packages that version.
    /// </summary>
    public static async Task<BuiltPackage> TrainNextVersionAsync(this PlatformFixture platform, string project) =>
        await PackageAsync(platform, project, await ExperimentAsync(platform, project, trials: 1, folds: 2));

    private static async Task<CreditModel> TrainFirstAsync(PlatformFixture platform)
    {
        string project = Projects.NewName("srv");
        await platform.CreditFeatureSetAsync(project);
        int version = await ExperimentAsync(platform, project, trials: 2, folds: 3);
        BuiltPackage built = await PackageAsync(platform, project, version);
        return new CreditModel(project, built.Digest);
    }

    private static async Task<int> ExperimentAsync(PlatformFixture platform, string project, int trials, int folds)
    {
        ApiResponse experiment = await platform.SendAsync(HttpMethod.Post, "api/pipelines/experiment", TestKeys.DataScientist,
            new { project, algorithms = LogisticRegression, search = new[] { new { strategy = "Random", trials } }, folds, maxParallel = 2 });
        if (experiment.Status != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"The experiment was not started: {experiment.Status} {experiment.Json}");
        }

        JsonElement trained = await platform.WaitForEndAsync(experiment.Json.GetProperty("id").GetString()!, TimeSpan.FromMinutes(8));
        return trained.GetProperty("runtimeStatus").GetString() == "Completed"
            ? trained.GetProperty("output").GetProperty("registered").GetProperty("version").GetInt32()
            : throw new InvalidOperationException($"The experiment did not complete: {trained}");
    }

    private static Task<BuiltPackage> PackageAsync(PlatformFixture platform, string project, int version) =>
        platform.Services.GetRequiredService<PackageBuilder>().BuildAsync(new BuildPackageRequest(project, project, version));
}

/// <summary>A trained credit project and the package digest of its version 1.</summary>
internal sealed record CreditModel(string Project, string Digest);
