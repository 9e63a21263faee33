using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace MLOps.Infra.Tests;

public sealed class MainTemplateTests(BicepFixture bicep, ITestOutputHelper output) : IClassFixture<BicepFixture>
{
    [Fact]
    public void BuildsWithoutErrorsOrWarnings()
    {
        BicepResult build = bicep.Build;
        foreach (string diagnostic in build.Diagnostics)
        {
            output.WriteLine(diagnostic);
        }

        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.True(build.Diagnostics.Count == 0, build.Describe());
        Assert.True(string.IsNullOrWhiteSpace(build.StandardError), $"bicep wrote to stderr:{Environment.NewLine}{build.StandardError}");
    }

    [Theory]
    [InlineData("Microsoft.Storage/storageAccounts")]
    [InlineData("Microsoft.Storage/storageAccounts/blobServices/containers")]
    [InlineData("Microsoft.OperationalInsights/workspaces")]
    [InlineData("Microsoft.Insights/components")]
    [InlineData("Microsoft.Web/serverfarms")]
    [InlineData("Microsoft.Web/sites")]
    [InlineData("Microsoft.Web/sites/config")]
    [InlineData("Microsoft.Authorization/roleAssignments")]
    [InlineData("Microsoft.EventGrid/topics")]
    [InlineData("Microsoft.EventGrid/topics/eventSubscriptions")]
    [InlineData("Microsoft.EventGrid/systemTopics")]
    [InlineData("Microsoft.EventGrid/systemTopics/eventSubscriptions")]
    [InlineData("Microsoft.App/managedEnvironments")]
    [InlineData("Microsoft.App/containerApps")]
    public void DeploysResourceType(string type)
    {
        IReadOnlyList<JsonObject> resources = ArmTemplate.DeployedResources(bicep.Template);

        Assert.Contains(resources, r => string.Equals(ArmTemplate.TypeOf(r), type, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void RunsTheFunctionAppOnFlexConsumptionWithDotnetIsolated()
    {
        JsonObject site = this.Single("Microsoft.Web/sites");
        JsonObject plan = this.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", plan["sku"]?["name"]?.GetValue<string>());
        Assert.Equal("SystemAssigned", site["identity"]?["type"]?.GetValue<string>());
        Assert.Equal("dotnet-isolated", site["properties"]?["functionAppConfig"]?["runtime"]?["name"]?.GetValue<string>());
        Assert.Equal("10.0", bicep.Template["parameters"]?["functionRuntimeVersion"]?["defaultValue"]?.GetValue<string>());
    }

    [Fact]
    public void CreatesThePlatformContainers()
    {
        string containers = bicep.Template["variables"]?["platformContainers"]?.ToJsonString() ?? string.Empty;

        foreach (string name in (string[])["landing", "audit", "snapshots", "diagnostics", "packages", "builds"])
        {
            Assert.Contains(name, containers, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AssignsTheAppIdentityItsDataRoles()
    {
        string roles = string.Join(
            Environment.NewLine,
            ArmTemplate.DeployedResources(bicep.Template).Where(r => ArmTemplate.TypeOf(r) == "Microsoft.Authorization/roleAssignments")
                .Select(r => r.ToJsonString()));
        string variables = string.Join(
            Environment.NewLine,
            this.Modules().Select(m => m["properties"]?["template"]?["variables"]?.ToJsonString()));

        Assert.Contains("roleDefinitions", roles, StringComparison.Ordinal);
        Assert.Contains("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", variables, StringComparison.Ordinal); // Storage Blob Data Owner
        Assert.Contains("974c5e8b-45b9-4653-ba55-5f855dd0fb88", variables, StringComparison.Ordinal); // Storage Queue Data Contributor
        Assert.Contains("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", variables, StringComparison.Ordinal); // Storage Table Data Contributor
        Assert.Contains("d5a91429-5739-47e2-a06b-3470a27159e7", variables, StringComparison.Ordinal); // EventGrid Data Sender
    }

    [Fact]
    public void SubscribesLandingBlobsOnlyWithTheBlobsExtensionKey()
    {
        JsonObject subscription = this.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions");
        JsonObject routing = this.Modules().Single(m => m["name"]?.GetValue<string>() == "eventRouting");

        Assert.NotNull(subscription["condition"]);
        Assert.Equal(
            "[not(empty(parameters('blobExtensionKey')))]",
            routing["properties"]?["parameters"]?["subscribeLandingBlobs"]?["value"]?.GetValue<string>());
        Assert.Contains(
            "Host.Functions.{1}&code=",
            routing["properties"]?["parameters"]?["landingWebhookUrl"]?["value"]?.GetValue<string>(),
            StringComparison.Ordinal);
        Assert.Equal("Microsoft.Storage.BlobCreated", subscription["properties"]?["filter"]?["includedEventTypes"]?[0]?.GetValue<string>());
        Assert.Contains("/containers/{0}/", subscription["properties"]?["filter"]?["subjectBeginsWith"]?.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsThePackageSigningKeyFromKeyVaultNeverFromTheTemplate()
    {
        // The app settings expression: the setting is a Key Vault reference built from the URI parameter.
        string settings = this.Single("Microsoft.Web/sites/config")["properties"]?.GetValue<string>() ?? string.Empty;

        Assert.Contains(
            "'Packaging__SigningKeyPem', format('@Microsoft.KeyVault(SecretUri={0})', parameters('packageSigningKeySecretUri'))",
            settings,
            StringComparison.Ordinal);
        Assert.Equal(1, bicep.Template["parameters"]?["packageSigningKeySecretUri"]?["minLength"]?.GetValue<int>());
        Assert.Null(bicep.Template["parameters"]?["packageSigningKeySecretUri"]?["defaultValue"]);
    }

    [Fact]
    public void KeepsSecretsOutOfOutputs()
    {
        JsonObject outputs = bicep.Template["outputs"]!.AsObject();

        Assert.Equal(
            ["eventGridTopicEndpoint", "functionAppHostName", "functionAppName", "storageAccountName", "storageSystemTopicName"],
            outputs.Select(o => o.Key).Order(StringComparer.Ordinal));
        foreach (JsonObject module in this.Modules())
        {
            string moduleOutputs = module["properties"]?["template"]?["outputs"]?.ToJsonString() ?? string.Empty;
            Assert.DoesNotContain("listKeys", moduleOutputs, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Key')", moduleOutputs, StringComparison.Ordinal);
        }

        foreach (string secure in (string[])["eventDeliveryKey", "blobExtensionKey"])
        {
            Assert.Equal("securestring", bicep.Template["parameters"]?[secure]?["type"]?.GetValue<string>());
        }
    }

    private JsonObject Single(string type) =>
        Assert.Single(ArmTemplate.DeployedResources(bicep.Template), r => ArmTemplate.TypeOf(r) == type);

    private IEnumerable<JsonObject> Modules() =>
        ArmTemplate.DeployedResources(bicep.Template).Where(r => ArmTemplate.TypeOf(r) == "Microsoft.Resources/deployments");
}
