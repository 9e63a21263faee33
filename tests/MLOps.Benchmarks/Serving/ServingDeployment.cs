using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using MLOps.Benchmarks.Experiments;
using MLOps.Core.Packaging;
using MLOps.Core.Serving.Scoring;
using MLOps.LocalHost.Workers;

namespace MLOps.Benchmarks.Serving;

/// <summary>
/// The untimed preparation of the serving suite, through the platform as a user would: the credit feature set (data
/// pipeline), a FastTree model trained and registered by the experiment pipeline (HTTP), its package built, and an
/// endpoint pointed at it (HTTP PUT, which loads it on the host's worker).
/// </summary>
public sealed record ServingDeployment(string Project, string Endpoint, string Digest, ScoringPackage Package, byte[] Onnx)
{
    private static readonly string[] FastTree = ["FastTree"];

    /// <summary>The worker model name the endpoint's deployment is loaded under (project.endpoint.d-{digest[..12]}).</summary>
    public string ServingName => $"{this.Project}.{this.Endpoint}.d-{this.Digest[..12]}";

    public static async Task<ServingDeployment> PrepareAsync(
        WebApplication app, HttpClient http, TimeSpan timeout, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(progress);
        string project = await CreditFeatureSet.PrepareAsync(app, timeout, cancellationToken);
        await progress.WriteLineAsync($"[serving] feature set of {project} built");

        using HttpResponseMessage started = await http.PostAsJsonAsync(
            "api/pipelines/experiment",
            new { project, algorithms = FastTree, search = new[] { new { strategy = "Random", trials = 2 } }, folds = 3, maxParallel = 2 },
            cancellationToken);
        string id = await InstanceIdAsync(started, cancellationToken);
        DurableTaskClient client = app.Services.GetRequiredService<DurableTaskClient>();
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            deadline.CancelAfter(timeout);
            OrchestrationMetadata trained = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, deadline.Token);
            if (trained.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
            {
                throw new InvalidOperationException($"The experiment ended {trained.RuntimeStatus}: {trained.FailureDetails?.ErrorMessage}");
            }
        }

        BuiltPackage built = await app.Services.GetRequiredService<PackageBuilder>().BuildAsync(new BuildPackageRequest(project, project, 1), cancellationToken);
        await progress.WriteLineAsync($"[serving] model trained, package {built.Digest[..12]} built");

        // The host's worker has joined the pool, so the PUT loads the deployment on it now rather than on first use.
        await app.Services.GetRequiredService<LocalWorkers>().Joined.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
        const string endpoint = "bench";
        using HttpResponseMessage put = await http.PutAsJsonAsync($"api/projects/{project}/endpoints/{endpoint}", new { package = built.Digest }, cancellationToken);
        if (!put.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"PUT endpoint answered {(int)put.StatusCode}: {await put.Content.ReadAsStringAsync(cancellationToken)}");
        }

        ScoringPackage package = await app.Services.GetRequiredService<IPackageScoring>().OpenAsync(built.Digest, cancellationToken)
            ?? throw new InvalidOperationException($"Package {built.Digest} cannot be opened.");
        await using Stream onnx = await app.Services.GetRequiredService<IModelPackageStore>().OpenAsync(built.Digest, PackageLayout.ModelOnnx, cancellationToken)
            ?? throw new InvalidOperationException($"Package {built.Digest} has no {PackageLayout.ModelOnnx}.");
        using var bytes = new MemoryStream();
        await onnx.CopyToAsync(bytes, cancellationToken);
        return new ServingDeployment(project, endpoint, built.Digest, package, bytes.ToArray());
    }

    /// <summary>The instance id of a 202 from <c>POST /api/pipelines/...</c>.</summary>
    public static async Task<string> InstanceIdAsync(HttpResponseMessage started, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(started);
        string body = await started.Content.ReadAsStringAsync(cancellationToken);
        if (!started.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{started.RequestMessage?.RequestUri} answered {(int)started.StatusCode}: {body}");
        }

        using JsonDocument json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("id").GetString() ?? throw new InvalidOperationException($"No instance id in {body}");
    }
}
