using System.Text.Json.Nodes;

namespace MLOps.Infra.Tests;

/// <summary>Compiles infra/main.bicep once for the tests that read the template.</summary>
public sealed class BicepFixture
{
    private readonly Lazy<BicepResult> build = new(() => BicepCli.Run(null, "build", BicepCli.InfraPath("main.bicep"), "--stdout"));

    public BicepResult Build => this.build.Value;

    public JsonNode Template
    {
        get
        {
            Assert.True(this.Build.ExitCode == 0, this.Build.Describe());
            return JsonNode.Parse(this.Build.StandardOutput) ?? throw new InvalidOperationException("bicep wrote no template.");
        }
    }
}
