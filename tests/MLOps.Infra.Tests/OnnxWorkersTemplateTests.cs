using System.Text.Json.Nodes;

namespace MLOps.Infra.Tests;

/// <summary>The ONNX workers' Container Apps module as main.bicep compiles it, and the image they run.</summary>
public sealed class OnnxWorkersTemplateTests(BicepFixture bicep) : IClassFixture<BicepFixture>
{
    [Fact]
    public void TheWorkersAreDeployedOnlyWithAnImage()
    {
        JsonObject module = this.Module();

        Assert.Equal("[variables('deployWorkers')]", module["condition"]?.GetValue<string>());
        Assert.Equal("[not(empty(parameters('workerImage')))]", bicep.Template["variables"]?["deployWorkers"]?.GetValue<string>());
        Assert.Equal(string.Empty, bicep.Template["parameters"]?["workerImage"]?["defaultValue"]?.GetValue<string>());
        Assert.Equal("securestring", bicep.Template["parameters"]?["workerAccessKey"]?["type"]?.GetValue<string>());
    }

    [Fact]
    public void TheEnvironmentHasAGpuWorkloadProfileAndTheAppRunsOnIt()
    {
        JsonObject environment = this.Resource("Microsoft.App/managedEnvironments");
        JsonObject app = this.Resource("Microsoft.App/containerApps");
        JsonObject template = this.Module()["properties"]!["template"]!.AsObject();

        JsonNode gpu = Assert.Single(environment["properties"]!["workloadProfiles"]!.AsArray(), p => p!["workloadProfileType"]!.GetValue<string>() == "[parameters('gpuProfileType')]")!;
        Assert.Equal(gpu["name"]!.GetValue<string>(), app["properties"]!["workloadProfileName"]!.GetValue<string>());
        Assert.Equal(
            ["Consumption-GPU-NC24-A100", "Consumption-GPU-NC8as-T4"],
            template["parameters"]!["gpuProfileType"]!["allowedValues"]!.AsArray().Select(v => v!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal("Consumption-GPU-NC8as-T4", bicep.Template["parameters"]?["workerGpuProfile"]?["defaultValue"]?.GetValue<string>());
    }

    [Fact]
    public void TheAppScalesOnHttpConcurrencyFromAMinimumOfReplicas()
    {
        JsonObject scale = this.Resource("Microsoft.App/containerApps")["properties"]!["template"]!["scale"]!.AsObject();
        JsonObject parameters = this.Module()["properties"]!["parameters"]!.AsObject();

        Assert.Equal("[parameters('minReplicas')]", scale["minReplicas"]!.GetValue<string>());
        Assert.Equal("[parameters('maxReplicas')]", scale["maxReplicas"]!.GetValue<string>());
        JsonNode rule = Assert.Single(scale["rules"]!.AsArray())!;
        Assert.Equal("[string(parameters('concurrentRequests'))]", rule["http"]!["metadata"]!["concurrentRequests"]!.GetValue<string>());
        Assert.Equal("[parameters('workerMinReplicas')]", parameters["minReplicas"]!["value"]!.GetValue<string>());
        Assert.Equal(1, bicep.Template["parameters"]?["workerMinReplicas"]?["defaultValue"]?.GetValue<int>());
        Assert.Equal(32, bicep.Template["parameters"]?["workerConcurrentRequests"]?["defaultValue"]?.GetValue<int>());
    }

    [Fact]
    public void TheContainerIsProbedOnTheV2HealthRoutesAndGetsItsSecretsByReference()
    {
        JsonObject app = this.Resource("Microsoft.App/containerApps");
        JsonNode container = Assert.Single(app["properties"]!["template"]!["containers"]!.AsArray())!;
        string probes = container["probes"]!.ToJsonString();
        JsonArray env = container["env"]!.AsArray();

        Assert.Equal(8080, app["properties"]!["configuration"]!["ingress"]!["targetPort"]!.GetValue<int>());
        Assert.False(app["properties"]!["configuration"]!["ingress"]!["allowInsecure"]!.GetValue<bool>());
        Assert.Contains("\"Liveness\"", probes, StringComparison.Ordinal);
        Assert.Contains("/v2/health/live", probes, StringComparison.Ordinal);
        Assert.Contains("\"Readiness\"", probes, StringComparison.Ordinal);
        Assert.Contains("/v2/health/ready", probes, StringComparison.Ordinal);
        Assert.Equal("storage-connection-string", env.Single(e => e!["name"]!.GetValue<string>() == "Storage__ConnectionString")!["secretRef"]!.GetValue<string>());
        Assert.Equal("worker-access-key", env.Single(e => e!["name"]!.GetValue<string>() == "Worker__AccessKey")!["secretRef"]!.GetValue<string>());
        Assert.NotNull(env.Single(e => e!["name"]!.GetValue<string>() == "Packaging__PublicKeyPem"));
    }

    [Fact]
    public void TheFunctionAppIsPointedAtTheWorkers()
    {
        JsonObject functionApp = ArmTemplate.DeployedResources(bicep.Template)
            .Single(r => ArmTemplate.TypeOf(r) == "Microsoft.Resources/deployments" && r["name"]?.GetValue<string>() == "functionApp");
        string settings = functionApp["properties"]!["parameters"]!["additionalAppSettings"]!["value"]!.GetValue<string>();

        Assert.Contains("'Workers__Endpoints__0', format('https://{0}', reference('onnxWorkers').outputs.fqdn.value)", settings, StringComparison.Ordinal);
        Assert.Contains("'Workers__AccessKey', parameters('workerAccessKey')", settings, StringComparison.Ordinal);
        Assert.EndsWith("parameters('additionalAppSettings'))]", settings, StringComparison.Ordinal);
    }

    [Fact]
    public void TheImageIsTheWorkerOnTheCuda13Runtime()
    {
        string dockerfile = File.ReadAllText(BicepCli.InfraPath(Path.Combine("onnx-worker", "Dockerfile")));

        Assert.Matches(@"ARG CUDA_IMAGE=nvidia/cuda:13\.\d+\.\d+-cudnn-runtime-ubuntu24\.04", dockerfile);
        Assert.Contains("FROM ${CUDA_IMAGE}", dockerfile, StringComparison.Ordinal);
        Assert.Contains("dotnet publish functions/MLOps.OnnxWorker/MLOps.OnnxWorker.csproj -c Release -r linux-x64", dockerfile, StringComparison.Ordinal);
        Assert.Contains("test -f /app/libonnxruntime_providers_cuda.so", dockerfile, StringComparison.Ordinal);
        Assert.DoesNotContain("MLOps.Training", dockerfile.Split('\n').Where(l => !l.TrimStart().StartsWith('#')).Aggregate(string.Empty, string.Concat), StringComparison.Ordinal);
        Assert.Contains("EXPOSE 8080", dockerfile, StringComparison.Ordinal);
    }

    private JsonObject Module() =>
        ArmTemplate.DeployedResources(bicep.Template).Single(r => ArmTemplate.TypeOf(r) == "Microsoft.Resources/deployments" && r["name"]?.GetValue<string>() == "onnxWorkers");

    private JsonObject Resource(string type) => Assert.Single(ArmTemplate.DeployedResources(bicep.Template), r => ArmTemplate.TypeOf(r) == type);
}
