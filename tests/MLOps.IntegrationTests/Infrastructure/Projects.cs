using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using MLOps.LocalHost.Azurite;

namespace MLOps.IntegrationTests.Infrastructure;

/// <summary>Registers test projects through the real Requirements pipeline, from the bundled specs and data.</summary>
internal static class Projects
{
    public static string DataPath(string file) => Path.Combine(RepositoryRoot.Find(), "shared", "data", file);

    public static string NewName(string prefix = "it") => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>A bundled spec renamed to <paramref name="project"/>, optionally edited.</summary>
    public static JsonObject Spec(string specFile, string project, Action<JsonObject>? edit = null)
    {
        JsonObject spec = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "shared", "specs", specFile)))!.AsObject();
        spec.Remove("$schema");
        spec["name"] = project;
        edit?.Invoke(spec);
        return spec;
    }

    public static async Task<string> UploadSampleAsync(this PlatformFixture platform, string project, string dataFile)
    {
        BlobContainerClient samples = platform.Blobs.GetBlobContainerClient("samples");
        await samples.CreateIfNotExistsAsync();
        string name = $"{project}/{dataFile}";
        await samples.GetBlobClient(name).UploadAsync(DataPath(dataFile), overwrite: true);
        return $"samples/{name}";
    }

    public static async Task<ApiResponse> SubmitSpecAsync(this PlatformFixture platform, string project, string body, string? sample, string contentType = "application/json") =>
        await platform.SendAsync(
            HttpMethod.Post, $"api/projects/{project}/spec{(sample is null ? string.Empty : "?sample=" + Uri.EscapeDataString(sample))}",
            TestKeys.Admin, body, contentType);

    /// <summary>Submits the spec with the data file as its sample and waits for the Requirements run to end.</summary>
    public static async Task<JsonElement> RegisterAsync(this PlatformFixture platform, string project, string specFile, string dataFile, Action<JsonObject>? edit = null)
    {
        string sample = await platform.UploadSampleAsync(project, dataFile);
        ApiResponse started = await platform.SubmitSpecAsync(project, Spec(specFile, project, edit).ToJsonString(), sample);
        if (started.Status != System.Net.HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"Spec submission answered {started.Status}: {started.Json}");
        }

        return await platform.WaitForEndAsync(started.Json.GetProperty("id").GetString()!);
    }

    /// <summary>Lands a file under the project's landing folder and waits for the data pipeline it starts.</summary>
    public static async Task<JsonElement> LandAsync(this PlatformFixture platform, string project, string file, byte[] bytes)
    {
        BlobContainerClient landing = platform.Blobs.GetBlobContainerClient("landing");
        await landing.CreateIfNotExistsAsync();
        BlobClient blob = landing.GetBlobClient($"{project}/{file}");
        Azure.Storage.Blobs.Models.BlobContentInfo info = (await blob.UploadAsync(BinaryData.FromBytes(bytes), overwrite: true)).Value;
        return await platform.WaitForEndAsync(new MLOps.Core.Landing.LandingBlob("landing", blob.Name, info.ETag.ToString()).PipelineInstanceId(), TimeSpan.FromSeconds(120));
    }

    /// <summary>A registered credit project with credit_data.csv landed as its feature-set version 1.</summary>
    public static async Task CreditFeatureSetAsync(this PlatformFixture platform, string project)
    {
        await platform.RegisterCreditAsync(project);
        JsonElement done = await platform.LandAsync(project, "credit_data.csv", File.ReadAllBytes(DataPath("credit_data.csv")));
        if (done.GetProperty("runtimeStatus").GetString() != "Completed")
        {
            throw new InvalidOperationException($"The data pipeline did not complete: {done}");
        }
    }

    public static Task<JsonElement> RegisterCreditAsync(this PlatformFixture platform, string project, Action<JsonObject>? edit = null) =>
        platform.RegisterAsync(project, "credit-scoring.json", "credit_data.csv", edit);
}
