using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using MLOps.Core.Events;
using MLOps.Core.Integration;
using MLOps.Core.Integration.Builds;
using MLOps.Core.Packaging;
using MLOps.Core.Registry;
using MLOps.IntegrationTests.Infrastructure;
using MLOps.LocalHost.Azurite;
using MLOps.Training.Integration;

namespace MLOps.IntegrationTests;

/// <summary>
/// Pipeline 4 on the bundled credit data, end to end on the embedded engine with its real ONNX worker: requirements →
/// data → experiment register a model version, the registry's ModelRegistered event starts continuous integration
/// through the Event Grid route, and the build packages the version, checks it and records its verdict.
/// </summary>
[Collection(CiCollection.Name)]
public class ContinuousIntegrationTests(CiPlatformFixture platform, Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string[] LogisticOnly = ["LogisticRegression"];

    /// <summary>The credit build several tests read: built once per test run.</summary>
    private static readonly SemaphoreSlim CreditGate = new(1, 1);

    private static (string Project, JsonElement Build)? credit;

    private static readonly string[] CreditChecks =
    [
        CheckNames.OnnxSecurity, CheckNames.InputSchema, CheckNames.FeatureSkew, CheckNames.Acceptance, CheckNames.Champion, CheckNames.Parity,
        CheckNames.Latency, CheckNames.DemographicParity("Age"), CheckNames.EqualOpportunity("Age"), CheckNames.DemographicParity("Marital"),
        CheckNames.EqualOpportunity("Marital"), CheckNames.Robustness,
    ];

    [Fact]
    public async Task The_registration_event_builds_the_bundled_credit_model_into_a_signed_package_with_every_checks_figure()
    {
        (string project, JsonElement ci) = await this.CreditAsync();
        string buildId = ci.GetProperty("instanceId").GetString()!;
        Assert.StartsWith("event-", buildId, StringComparison.Ordinal);

        // The package is stored, signed and verified, and the registry shows the version's build with its digest.
        JsonElement state = await this.PackageStateAsync(project);
        string digest = state.GetProperty("digest").GetString()!;
        Assert.Equal("Built", state.GetProperty("state").GetString());
        ApiResponse package = await platform.SendAsync(HttpMethod.Get, $"api/packages/{digest}", TestKeys.DataScientist);
        Assert.Equal(HttpStatusCode.OK, package.Status);
        Assert.True(package.Json.GetProperty("verified").GetBoolean());

        // Every check has its figure in the build's record (the report route shows the version's latest build, which
        // another test of this class may have started since); only the champion comparison waits for a champion.
        BlobClient recordBlob = platform.Blobs.GetBlobContainerClient("builds").GetBlobClient($"{project}/{project}/v1/{buildId}/build.json");
        JsonElement record = JsonDocument.Parse((await recordBlob.DownloadContentAsync()).Value.Content.ToString()).RootElement.Clone();
        Assert.Equal((digest, buildId), (record.GetProperty("digest").GetString(), record.GetProperty("buildId").GetString()));
        JsonElement[] checks = [.. record.GetProperty("checks").EnumerateArray()];
        Assert.Equal(CreditChecks, checks.Select(c => c.GetProperty("check").GetString()));
        foreach (JsonElement check in checks)
        {
            output.WriteLine($"{check.GetProperty("check").GetString()}: {(check.GetProperty("passed").GetBoolean() ? "passed" : "FAILED")} {check.GetProperty("figure")} {check.GetProperty("comparison").GetString()} {check.GetProperty("bound")} {check.GetProperty("unit").GetString()} — {check.GetProperty("detail").GetString()}");
        }

        Assert.All(checks.Where(c => c.GetProperty("judged").GetBoolean()), c => Assert.Equal(JsonValueKind.Number, c.GetProperty("figure").ValueKind));
        Assert.Equal(CheckNames.Champion, Assert.Single(checks, c => !c.GetProperty("judged").GetBoolean()).GetProperty("check").GetString());
        Assert.Equal(0, Figure(checks, CheckNames.OnnxSecurity));
        Assert.Equal(0, Figure(checks, CheckNames.InputSchema));
        Assert.InRange(Figure(checks, CheckNames.Parity), 0, 1e-5);
        Assert.InRange(Figure(checks, CheckNames.FeatureSkew), 0, 1e-6);
        Assert.InRange(Figure(checks, CheckNames.Acceptance), 0.8, 1);
        Assert.InRange(Figure(checks, CheckNames.Latency), 0, 200);

        // Under the platform's default fairness bound (0.1) the credit model's selection rates differ too much across
        // age bands: the build fails on fairness alone, each failure above its bound, and the run says so.
        string[] failed = [.. checks.Where(c => !c.GetProperty("passed").GetBoolean()).Select(c => c.GetProperty("check").GetString()!)];
        Assert.Contains(CheckNames.DemographicParity("Age"), failed);
        Assert.All(failed, f => Assert.StartsWith("fairness/", f, StringComparison.Ordinal));
        Assert.All(checks.Where(c => !c.GetProperty("passed").GetBoolean()), c => Assert.True(c.GetProperty("figure").GetDouble() > c.GetProperty("bound").GetDouble()));
        Assert.Equal("Failed", ci.GetProperty("runtimeStatus").GetString());
        string message = ci.GetProperty("failureDetails").GetProperty("errorMessage").GetString()!;
        Assert.Matches(@"fairness/demographic-parity/Age: FAILED, 0\.[0-9]+ \(must be <= 0\.1 ", message);
        Assert.Contains(digest, message, StringComparison.Ordinal);

        // The HTML report; the lineage build ← package ← model version ← run ← feature set; the events.
        using var htmlRequest = new HttpRequestMessage(HttpMethod.Get, $"api/projects/{project}/reports/models/{project}/versions/1/build.html");
        htmlRequest.Headers.Add("x-api-key", TestKeys.DataScientist);
        using HttpResponseMessage html = await platform.Http.SendAsync(htmlRequest);
        Assert.Equal((HttpStatusCode.OK, "text/html"), (html.StatusCode, html.Content.Headers.ContentType?.MediaType));
        Assert.Contains(digest, await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        ApiResponse lineage = await platform.SendAsync(HttpMethod.Get, $"api/lineage?kind=Build&id={project}/{project}/v1/{buildId}&direction=upstream&depth=4", TestKeys.DataScientist);
        Assert.Equal(HttpStatusCode.OK, lineage.Status);
        string[] edges = [.. lineage.Json.GetProperty("edges").EnumerateArray().Select(e =>
            $"{e.GetProperty("from").GetProperty("kind").GetString()} -{e.GetProperty("relation").GetString()}-> {e.GetProperty("to").GetProperty("kind").GetString()}")];
        Assert.Contains("ModelPackage -check-of-> Build", edges);
        Assert.Contains("ModelVersion -package-of-> ModelPackage", edges);
        Assert.Contains("Run -produced-by-> ModelVersion", edges);
        Assert.Contains("FeatureSetVersion -trained-on-> Run", edges);
        Assert.Single(platform.Events.Published, e => e.Type == PlatformEventTypes.ModelRegistered && e.Data.Equals(new ModelRegisteredEvent(project, project, 1)));
        BuildEvent announced = Assert.Single(this.BuildEvents(project, PlatformEventTypes.BuildFailed), e => e.BuildId == buildId);
        Assert.Equal(digest, announced.Digest);
        Assert.Equal(failed, announced.FailedChecks);
    }

    [Fact]
    public async Task A_spec_stating_its_fairness_bounds_gets_a_passed_build_and_the_PackageBuilt_event()
    {
        (string project, JsonElement ci) = await this.RegisterTrainAndBuildAsync(FairnessBounds);

        Assert.True(ci.GetProperty("runtimeStatus").GetString() == "Completed", ci.ToString());
        JsonElement build = ci.GetProperty("output");
        string digest = build.GetProperty("digest").GetString()!;
        Assert.True(build.GetProperty("passed").GetBoolean());
        Assert.Equal($"All {CreditChecks.Length} checks passed.", build.GetProperty("summary").GetString());
        JsonElement age = Assert.Single(build.GetProperty("checks").EnumerateArray(), c => c.GetProperty("check").GetString() == CheckNames.DemographicParity("Age"));
        Assert.Equal(0.3, age.GetProperty("bound").GetDouble());
        JsonElement state = await this.PackageStateAsync(project);
        Assert.Equal((digest, true), (state.GetProperty("digest").GetString(), state.GetProperty("checks").GetProperty("passed").GetBoolean()));
        BuildEvent built = Assert.Single(this.BuildEvents(project, PlatformEventTypes.PackageBuilt));
        Assert.Equal((digest, true, ci.GetProperty("instanceId").GetString()), (built.Digest, built.Passed, built.BuildId));
        Assert.Empty(this.BuildEvents(project, PlatformEventTypes.BuildFailed));
    }

    [Fact]
    public async Task A_rerun_reuses_the_package_and_rewrites_nothing_finished_and_the_door_refuses_unknown_versions()
    {
        (string project, _) = await this.CreditAsync();
        JsonElement first = await this.PackageStateAsync(project);
        string digest = first.GetProperty("digest").GetString()!;
        BlobServiceClient blobs = platform.Blobs;
        BlobClient signature = blobs.GetBlobContainerClient("packages").GetBlobClient($"{digest}/manifest.sig");
        BlobClient firstRecord = blobs.GetBlobContainerClient("builds").GetBlobClient(first.GetProperty("checks").GetProperty("record").GetString()!);
        Azure.ETag signatureTag = (await signature.GetPropertiesAsync()).Value.ETag, recordTag = (await firstRecord.GetPropertiesAsync()).Value.ETag;

        ApiResponse started = await platform.SendAsync(HttpMethod.Post, "api/pipelines/ci", TestKeys.DataScientist, new { project, model = project, version = 1 });
        Assert.True(started.Status == HttpStatusCode.Accepted, $"{started.Status} {started.Json}");
        string rerun = started.Json.GetProperty("id").GetString()!;
        JsonElement again = await platform.WaitForEndAsync(rerun, TimeSpan.FromMinutes(5));

        // The same package (not rebuilt), a second build of its own; the first build's record is untouched.
        Assert.Equal("Failed", again.GetProperty("runtimeStatus").GetString());
        Assert.Contains(digest, again.GetProperty("failureDetails").GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(signatureTag, (await signature.GetPropertiesAsync()).Value.ETag);
        Assert.Equal(recordTag, (await firstRecord.GetPropertiesAsync()).Value.ETag);
        JsonElement latest = await this.PackageStateAsync(project);
        Assert.Equal((digest, rerun), (latest.GetProperty("digest").GetString(), latest.GetProperty("checks").GetProperty("buildId").GetString()));

        // Unknown project, model or version: 400 at the door, naming the field; nothing is queued.
        foreach ((object body, string problem) in new (object, string)[]
        {
            (new { project, model = project, version = 9 }, $"version: model '{project}' of project '{project}' has no committed version 9"),
            (new { project, model = "no-such-model", version = 1 }, $"model: project '{project}' has no registered model 'no-such-model'"),
            (new { project = "no-such-project", model = project, version = 1 }, "project: 'no-such-project' is not registered"),
            (new { project, model = project }, "version"),
        })
        {
            ApiResponse refused = await platform.SendAsync(HttpMethod.Post, "api/pipelines/ci", TestKeys.DataScientist, body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Contains(refused.Json.GetProperty("errors").EnumerateArray(), e => e.GetString()!.Contains(problem, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_package_whose_onnx_file_reads_external_data_fails_the_security_scan()
    {
        (string project, _) = await this.CreditAsync();
        string digest = (await this.PackageStateAsync(project)).GetProperty("digest").GetString()!;

        // The built package with its model file swapped for one whose initializer lives in "weights.bin", signed by the
        // host's own key like any package it builds: only the scan stands between this file and a worker.
        byte[] hostile = await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot.Find(), "tests", "reference", "onnx-security", "external-data.onnx"));
        string swapped = await this.RepackAsync(digest, PackageLayout.ModelOnnx, hostile);
        ModelPackage opened = (await platform.Services.GetRequiredService<ModelPackageReader>().OpenAsync(swapped))!;
        Assert.Equal(hostile, await opened.ReadModelAsync());

        IReadOnlyList<CheckResult> results = await platform.Services.GetRequiredService<PackageChecks>().OnnxSecurityAsync(new CheckTarget(project, project, 1, swapped));

        CheckResult scan = Assert.Single(results);
        output.WriteLine(scan.Describe());
        Assert.Equal((CheckNames.OnnxSecurity, false, 1d, 0d), (scan.Check, scan.Passed, scan.Figure, scan.Bound));
        Assert.Contains("ExternalData at graph.initializer[0]", scan.Detail, StringComparison.Ordinal);
        Assert.Contains("'weights.bin'", scan.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_below_the_projects_acceptance_gate_fails_the_quality_check_and_the_build_names_it()
    {
        // The bundled credit spec with a gate no model on this data meets (scikit-learn's best holdout AUC is 0.84).
        (string project, JsonElement ci) = await this.RegisterTrainAndBuildAsync(spec =>
        {
            FairnessBounds(spec);
            spec["acceptance"] = new JsonObject { ["metric"] = "Auc", ["threshold"] = 0.99, ["direction"] = ">=" };
        });

        Assert.Equal("Failed", ci.GetProperty("runtimeStatus").GetString());
        string message = ci.GetProperty("failureDetails").GetProperty("errorMessage").GetString()!;
        output.WriteLine(message);
        Assert.Matches(@"acceptance: FAILED, 0\.[0-9]+ \(must be >= 0\.99 Auc\)", message);
        Assert.Contains($"/api/projects/{project}/reports/models/{project}/versions/1/build.html", message, StringComparison.Ordinal);

        ApiResponse version = await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/models/{project}/versions/1", TestKeys.DataScientist);
        JsonElement checks = version.Json.GetProperty("package").GetProperty("checks");
        Assert.False(checks.GetProperty("passed").GetBoolean());
        Assert.Equal([CheckNames.Acceptance], checks.GetProperty("failedChecks").EnumerateArray().Select(c => c.GetString()));
        ApiResponse record = await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/reports/models/{project}/versions/1/build.json", TestKeys.DataScientist);
        JsonElement acceptance = Assert.Single(record.Json.GetProperty("checks").EnumerateArray(), c => c.GetProperty("check").GetString() == CheckNames.Acceptance);
        Assert.Equal((false, 0.99, ">="), (acceptance.GetProperty("passed").GetBoolean(), acceptance.GetProperty("bound").GetDouble(), acceptance.GetProperty("comparison").GetString()));

        Assert.Equal([CheckNames.Acceptance], Assert.Single(this.BuildEvents(project, PlatformEventTypes.BuildFailed)).FailedChecks);
        Assert.Empty(this.BuildEvents(project, PlatformEventTypes.PackageBuilt));
    }

    /// <summary>
    /// The spec's own fairness bounds, stated above what the bundled credit run measures (demographic parity 0.25
    /// across age bands, 0.12 across marital status; equal opportunity 0.15 across age bands) to exercise the override.
    /// </summary>
    private static void FairnessBounds(JsonObject spec)
    {
        foreach (JsonNode? attribute in spec["sensitiveAttributes"]!.AsArray())
        {
            attribute!["maxDifference"] = attribute["column"]!.GetValue<string>() == "Age" ? 0.3 : 0.2;
        }
    }

    private IEnumerable<BuildEvent> BuildEvents(string project, string type) =>
        platform.Events.Published.Where(e => e.Type == type).Select(e => (BuildEvent)e.Data).Where(e => e.Project == project);

    private async Task<JsonElement> PackageStateAsync(string project)
    {
        ApiResponse version = await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/models/{project}/versions/1", TestKeys.DataScientist);
        Assert.Equal(HttpStatusCode.OK, version.Status);
        return version.Json.GetProperty("package");
    }

    private static double Figure(JsonElement[] checks, string name) =>
        Assert.Single(checks, c => c.GetProperty("check").GetString() == name).GetProperty("figure").GetDouble();

    private async Task<(string Project, JsonElement Build)> CreditAsync()
    {
        await CreditGate.WaitAsync();
        try
        {
            credit ??= await this.RegisterTrainAndBuildAsync();
            return credit.Value;
        }
        finally
        {
            CreditGate.Release();
        }
    }

    /// <summary>Requirements, data and a small experiment over HTTP; then the build its registration started, once it ends.</summary>
    private async Task<(string Project, JsonElement Build)> RegisterTrainAndBuildAsync(Action<JsonObject>? edit = null)
    {
        string project = Projects.NewName("ci");
        await platform.WorkersJoinedAsync();
        await platform.RegisterCreditAsync(project, edit);
        JsonElement data = await platform.LandAsync(project, "credit_data.csv", await File.ReadAllBytesAsync(Projects.DataPath("credit_data.csv")));
        Assert.Equal("Completed", data.GetProperty("runtimeStatus").GetString());
        ApiResponse started = await platform.SendAsync(HttpMethod.Post, "api/pipelines/experiment", TestKeys.DataScientist, new
        {
            project,
            algorithms = LogisticOnly,
            search = new[] { new { strategy = "Random", trials = 2 } },
            folds = 3,
            maxParallel = 2,
        });
        Assert.True(started.Status == HttpStatusCode.Accepted, $"{started.Status} {started.Json}");
        JsonElement experiment = await platform.WaitForEndAsync(started.Json.GetProperty("id").GetString()!, TimeSpan.FromMinutes(8));
        Assert.True(experiment.GetProperty("runtimeStatus").GetString() == "Completed", experiment.ToString());

        string build = await this.FindBuildAsync(project);
        return (project, await platform.WaitForEndAsync(build, TimeSpan.FromMinutes(6)));
    }

    /// <summary>The continuous-integration run of the project's version 1, found by its input among the pipeline's runs.</summary>
    private async Task<string> FindBuildAsync(string project)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!timeout.IsCancellationRequested)
        {
            ApiResponse runs = await platform.SendAsync(HttpMethod.Get, "api/instances?pipeline=ci&top=100", TestKeys.Operations);
            foreach (string id in runs.Json.EnumerateArray().Select(r => r.GetProperty("instanceId").GetString()!))
            {
                ApiResponse run = await platform.SendAsync(HttpMethod.Get, $"api/instances/{id}", TestKeys.Operations);
                if (run.Json.GetProperty("input").GetProperty("project").GetString() == project)
                {
                    return id;
                }
            }

            await Task.Delay(500, CancellationToken.None);
        }

        throw new TimeoutException($"No continuous-integration run started for project '{project}'.");
    }

    /// <summary>A copy of a stored package with one file replaced, under its own digest, signed by the host's key.</summary>
    private async Task<string> RepackAsync(string digest, string path, byte[] content)
    {
        IModelPackageStore store = platform.Services.GetRequiredService<IModelPackageStore>();
        ModelPackage original = (await platform.Services.GetRequiredService<ModelPackageReader>().OpenAsync(digest))!;
        var entries = new List<PackageEntry>();
        var files = new List<PackageFile>();
        foreach (PackageFile file in original.Manifest.Files)
        {
            byte[] bytes = file.Path == path ? content : await original.ReadFileAsync(file.Path);
            entries.Add(new PackageEntry(file.Path, BinaryData.FromBytes(bytes)));
            files.Add(new PackageFile(file.Path, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.LongLength));
        }

        byte[] manifest = (original.Manifest with { Files = files }).ToBytes();
        string repacked = PackageManifest.DigestOf(manifest);
        PackageSignature signature = platform.Services.GetRequiredService<PackageSigner>().Sign(manifest);
        await store.PublishAsync(repacked, entries, BinaryData.FromBytes(manifest), BinaryData.FromBytes(PackageJson.ToBytes(signature)));
        return repacked;
    }
}
