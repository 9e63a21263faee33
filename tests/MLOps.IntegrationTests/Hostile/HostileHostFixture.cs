using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using MLOps.Core.Requirements;
using MLOps.Core.Serving.Endpoints;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests.Hostile;

/// <summary>
/// The real host (its Program, as a child process, so a crash is seen as a crash) on an Azurite of its own, with
/// the landing watcher on, one registered project, a second project with a sample but no registration, and a
/// diagnostics run waiting for its approval event.
/// </summary>
public sealed class HostileHostFixture : IAsyncLifetime
{
    public const string AdminKey = "dev-admin-key";

    public AzuriteFixture Storage { get; } = new();

    public HostProcess Host { get; private set; } = null!;

    public string Project { get; } = Projects.NewName("hostile");

    public string Second { get; } = Projects.NewName("hostile2");

    public string WaitingInstance { get; private set; } = string.Empty;

    /// <summary>An endpoint of <see cref="Project"/> whose deployment names a package that was never built.</summary>
    public string Endpoint { get; } = "hostile-endpoint";

    public TimeSpan SetupTime { get; private set; }

    public BlobServiceClient Blobs => new(this.Storage.ConnectionString);

    public static string KeyFor(string role) => role switch
    {
        "admin" => AdminKey,
        "platform" => "dev-platform-key",
        "business" => "dev-business-key",
        "risk" => "dev-model-risk-key",
        "operations" => "dev-operations-key",
        "scientist" => "dev-data-scientist-key",
        "engineer" => "dev-data-engineer-key",
        "application" => "dev-application-key",
        "wrong" => "not-a-key",
        _ => throw new InvalidDataException($"Unknown corpus key '{role}'."),
    };

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        await this.Storage.InitializeAsync();
        this.Host = await HostProcess.StartAsync(
            this.Storage.Azurite.Options, "hostile" + Guid.NewGuid().ToString("N")[..8],
            "--LandingWatcher:Enabled=true", "--LandingWatcher:PollInterval=00:00:00.500");

        string sample = await this.UploadSampleAsync(this.Project);
        await this.UploadSampleAsync(this.Second);
        ApiResponse submitted = await PlatformFixture.Send(this.Host.Http, HttpMethod.Post,
            $"api/projects/{this.Project}/spec?sample={Uri.EscapeDataString(sample)}", AdminKey,
            Projects.Spec("credit-scoring.json", this.Project).ToJsonString());
        if (submitted.Status != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"Registering {this.Project} answered {submitted.Status}: {submitted.Json}");
        }

        JsonElement registered = await PlatformFixture.WaitFor(this.Host.Http, AdminKey, submitted.Json.GetProperty("id").GetString()!, PlatformFixture.IsFinished);
        if (registered.GetProperty("runtimeStatus").GetString() != "Completed")
        {
            throw new InvalidOperationException($"Registering {this.Project} did not complete: {registered}");
        }

        // No package can be built without a trained model; an endpoint whose package is gone is what the door meets.
        await new TableEndpointStore(new TableServiceClient(this.Storage.ConnectionString)).SaveAsync(
            new ServingEndpoint
            {
                Project = this.Project,
                Name = this.Endpoint,
                Deployments =
                [
                    new Deployment
                    {
                        Id = Deployment.IdFor(new string('e', 64)), Package = new string('e', 64), Model = this.Project, ModelVersion = 1,
                        Task = ModelTask.BinaryClassification, CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "hostile-fixture",
                    },
                ],
                Revision = 0,
                UpdatedAt = DateTimeOffset.UtcNow,
                UpdatedBy = "hostile-fixture",
            },
            0);

        ApiResponse waiting = await PlatformFixture.Send(this.Host.Http, HttpMethod.Post, "api/pipelines/diagnostics", AdminKey,
            new { steps = 1, awaitApproval = true });
        this.WaitingInstance = waiting.Json.GetProperty("id").GetString()!;
        await PlatformFixture.WaitFor(this.Host.Http, AdminKey, this.WaitingInstance, IsAwaitingApproval);
        this.SetupTime = clock.Elapsed;
    }

    public async Task DisposeAsync()
    {
        if (this.Host is not null)
        {
            await this.Host.DisposeAsync();
        }

        await this.Storage.DisposeAsync();
    }

    public static bool IsAwaitingApproval(JsonElement status) =>
        status.TryGetProperty("customStatus", out JsonElement c) && c.ValueKind == JsonValueKind.Object
        && c.GetProperty("stage").GetString() == "awaiting-approval";

    private async Task<string> UploadSampleAsync(string project)
    {
        BlobContainerClient samples = this.Blobs.GetBlobContainerClient("samples");
        await samples.CreateIfNotExistsAsync();
        await samples.GetBlobClient($"{project}/credit_data.csv").UploadAsync(Projects.DataPath("credit_data.csv"), overwrite: true);
        return $"samples/{project}/credit_data.csv";
    }
}
