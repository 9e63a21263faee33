using System.Diagnostics;
using System.Globalization;
using MLOps.LocalHost.Azurite;

namespace MLOps.IntegrationTests.Infrastructure;

/// <summary>
/// Freezes an Azurite this test run started (SIGSTOP) and thaws it (SIGCONT): storage that accepts connections but
/// answers nothing, the outage the issue reproduced by freezing the emulator mid-pipeline.
/// </summary>
internal sealed class StorageFreeze : IAsyncDisposable
{
    private readonly int pid;
    private bool frozen;

    private StorageFreeze(int pid) => this.pid = pid;

    public static async Task<StorageFreeze> StartAsync(AzuriteProcess azurite)
    {
        var freeze = new StorageFreeze(azurite.ProcessId ?? throw new InvalidOperationException("Only an Azurite this run started can be frozen."));
        await Signal(freeze.pid, "STOP");
        freeze.frozen = true;
        return freeze;
    }

    public async ValueTask DisposeAsync()
    {
        if (this.frozen)
        {
            await Signal(this.pid, "CONT");
            this.frozen = false;
        }
    }

    private static async Task Signal(int pid, string signal)
    {
        using Process kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start.");
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {pid} failed with {kill.ExitCode}.");
        }
    }
}
