using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace MLOps.Infra.Tests;

public sealed class ParametersFileTests(ITestOutputHelper output)
{
    private const string DeliveryKey = "test-delivery-key-0123456789abcdef0123456789";

    private const string SigningKeyUri = "https://mlops-kv.vault.azure.net/secrets/package-signing-key";

    [Fact]
    public void BuildsForTheFirstPhase()
    {
        JsonObject parameters = this.BuildParameters(new Dictionary<string, string>
        {
            ["MLOPS_EVENT_DELIVERY_KEY"] = DeliveryKey,
            ["MLOPS_PACKAGE_SIGNING_KEY_URI"] = SigningKeyUri,
        });

        Assert.Equal(DeliveryKey, parameters["eventDeliveryKey"]?["value"]?.GetValue<string>());
        Assert.Equal(SigningKeyUri, parameters["packageSigningKeySecretUri"]?["value"]?.GetValue<string>());
        Assert.Equal(string.Empty, parameters["blobExtensionKey"]?["value"]?.GetValue<string>());
        Assert.False(parameters["appCodePublished"]?["value"]?.GetValue<bool>());
        Assert.Equal("10.0", parameters["functionRuntimeVersion"]?["value"]?.GetValue<string>());
        Assert.Equal(string.Empty, parameters["workerImage"]?["value"]?.GetValue<string>());
    }

    [Fact]
    public void BuildsForTheSecondPhase()
    {
        JsonObject parameters = this.BuildParameters(new Dictionary<string, string>
        {
            ["MLOPS_EVENT_DELIVERY_KEY"] = DeliveryKey,
            ["MLOPS_PACKAGE_SIGNING_KEY_URI"] = SigningKeyUri,
            ["MLOPS_BLOB_EXTENSION_KEY"] = "blobs-extension-key",
            ["MLOPS_APP_CODE_PUBLISHED"] = "true",
            ["MLOPS_APP_SETTINGS_JSON"] = """{"Security__ApiKeys__0__Principal":"ops"}""",
        });

        Assert.Equal("blobs-extension-key", parameters["blobExtensionKey"]?["value"]?.GetValue<string>());
        Assert.True(parameters["appCodePublished"]?["value"]?.GetValue<bool>());
        Assert.Equal("ops", parameters["additionalAppSettings"]?["value"]?["Security__ApiKeys__0__Principal"]?.GetValue<string>());
    }

    [Fact]
    public void BuildsWithTheOnnxWorkers()
    {
        const string pem = "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----";
        JsonObject parameters = this.BuildParameters(new Dictionary<string, string>
        {
            ["MLOPS_EVENT_DELIVERY_KEY"] = DeliveryKey,
            ["MLOPS_PACKAGE_SIGNING_KEY_URI"] = SigningKeyUri,
            ["MLOPS_WORKER_IMAGE"] = "mlopsacr.azurecr.io/mlops-onnx-worker:1.0",
            ["MLOPS_WORKER_ACCESS_KEY"] = "worker-access-key-0123456789abcdef0123",
            ["MLOPS_PACKAGE_PUBLIC_KEY"] = pem,
        });

        Assert.Equal("mlopsacr.azurecr.io/mlops-onnx-worker:1.0", parameters["workerImage"]?["value"]?.GetValue<string>());
        Assert.Equal("worker-access-key-0123456789abcdef0123", parameters["workerAccessKey"]?["value"]?.GetValue<string>());
        Assert.Equal(pem, parameters["packagePublicKeyPem"]?["value"]?.GetValue<string>());
        Assert.Equal("Consumption-GPU-NC8as-T4", parameters["workerGpuProfile"]?["value"]?.GetValue<string>());
    }

    [Fact]
    public void RefusesAShortDeliveryKey()
    {
        BicepResult result = BicepCli.Run(
            new Dictionary<string, string> { ["MLOPS_EVENT_DELIVERY_KEY"] = "short", ["MLOPS_PACKAGE_SIGNING_KEY_URI"] = SigningKeyUri },
            "build-params", BicepCli.InfraPath("main.bicepparam"), "--stdout");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(result.Diagnostics, d => d.Contains("Error", StringComparison.Ordinal));
    }

    [Fact]
    public void RefusesToBuildWithoutThePackageSigningKeyUri()
    {
        BicepResult result = BicepCli.Run(
            new Dictionary<string, string> { ["MLOPS_EVENT_DELIVERY_KEY"] = DeliveryKey }, "build-params", BicepCli.InfraPath("main.bicepparam"), "--stdout");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(result.Diagnostics, d => d.Contains("MLOPS_PACKAGE_SIGNING_KEY_URI", StringComparison.Ordinal));
    }

    private JsonObject BuildParameters(IReadOnlyDictionary<string, string> environment)
    {
        BicepResult result = BicepCli.Run(environment, "build-params", BicepCli.InfraPath("main.bicepparam"), "--stdout");
        foreach (string diagnostic in result.Diagnostics)
        {
            output.WriteLine(diagnostic);
        }

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.True(result.Diagnostics.Count == 0, result.Describe());

        // --stdout writes { "parametersJson": "<ARM parameters file>", "templateJson": "...", ... }.
        string parametersJson = JsonNode.Parse(result.StandardOutput)?["parametersJson"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"No parametersJson in:{Environment.NewLine}{result.StandardOutput}");
        return JsonNode.Parse(parametersJson)!["parameters"]!.AsObject();
    }
}
