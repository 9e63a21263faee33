using System.Diagnostics;
using MLOps.LocalHost.Azurite;

namespace MLOps.IntegrationTests.Infrastructure;

/// <summary>
/// A real Azurite on free ports with a fresh data folder per test run (Azurite slows as data accumulates).
/// Installs it with npm when the repository has not yet.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? azurite;

    public string Location { get; } = Path.Combine(Path.GetTempPath(), "mlops-azurite-" + Guid.NewGuid().ToString("N")[..8]);

    public AzuriteProcess Azurite => this.azurite ?? throw new InvalidOperationException("Azurite is not started.");

    public string ConnectionString => this.Azurite.ConnectionString;

    public async Task InitializeAsync()
    {
        string root = RepositoryRoot.Find();
        if (!File.Exists(Path.Combine(root, "node_modules", ".bin", "azurite")))
        {
            await NpmCiAsync(root);
        }

        this.azurite = await AzuriteProcess.EnsureRunningAsync(new AzuriteOptions
        {
            AutoStart = true,
            Location = this.Location,
            BlobPort = FreePorts.Next(),
            QueuePort = FreePorts.Next(),
            TablePort = FreePorts.Next(),
        });
    }

    public async Task DisposeAsync()
    {
        if (this.azurite is not null)
        {
            await this.azurite.DisposeAsync();
        }

        try
        {
            Directory.Delete(this.Location, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the folder is under the temp directory.
        }
    }

    private static async Task NpmCiAsync(string root)
    {
        var start = new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = root, UseShellExecute = false };
        using Process npm = Process.Start(start) ?? throw new InvalidOperationException("npm did not start.");
        await npm.WaitForExitAsync();
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"'npm ci' failed with exit code {npm.ExitCode}; Azurite cannot be installed.");
        }
    }
}
