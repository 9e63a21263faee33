using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MLOps.LocalHost.Azurite;

/// <summary>
/// Starts the Azurite storage emulator that <c>npm ci</c> installed in the repository's node_modules, bound to
/// 127.0.0.1, and stops it on dispose. Used by the embedded host and the integration tests.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    // Azurite's well-known development account; it is public and only valid against the emulator.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process? process;

    private AzuriteProcess(AzuriteOptions options, Process? process)
    {
        this.Options = options;
        this.process = process;
    }

    public AzuriteOptions Options { get; }

    public bool StartedHere => this.process is not null;

    /// <summary>The Azurite process this instance started (null when it found one already listening).</summary>
    public int? ProcessId => this.process?.Id;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{this.Options.BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{this.Options.QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{this.Options.TablePort}/devstoreaccount1;";

    /// <summary>Uses an Azurite already listening on the blob port, or starts one.</summary>
    public static async Task<AzuriteProcess> EnsureRunningAsync(AzuriteOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (await IsListeningAsync(options.BlobPort, cancellationToken))
        {
            return new AzuriteProcess(options, null);
        }

        if (!options.AutoStart)
        {
            throw new InvalidOperationException(
                $"Nothing listens on 127.0.0.1:{options.BlobPort} and Azurite:AutoStart is off. Start Azurite with 'npm run azurite'.");
        }

        string root = RepositoryRoot.Find();
        string executable = Path.Combine(root, "node_modules", ".bin", "azurite");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed: run 'npm ci' in {root}.");
        }

        string location = Path.GetFullPath(options.Location, root);
        Directory.CreateDirectory(location);
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[]
        {
            "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose",
            "--location", location,
            "--blobHost", "127.0.0.1", "--blobPort", options.BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", options.QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", options.TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new AzuriteProcess(options, process);
        var deadline = Stopwatch.StartNew();
        foreach (int port in new[] { options.BlobPort, options.QueuePort, options.TablePort })
        {
            while (!await IsListeningAsync(port, cancellationToken))
            {
                if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(60))
                {
                    await azurite.DisposeAsync();
                    throw new InvalidOperationException($"Azurite did not start listening on port {port}.");
                }

                await Task.Delay(100, cancellationToken);
            }
        }

        return azurite;
    }

    public async ValueTask DisposeAsync()
    {
        if (this.process is { HasExited: false })
        {
            this.process.Kill(entireProcessTree: true);
            await this.process.WaitForExitAsync();
        }

        this.process?.Dispose();
    }

    private static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        // An IPv4 socket with a deadline: a dual-mode socket's connect to a mapped address can hang in sandboxes.
        using var client = new TcpClient(AddressFamily.InterNetwork);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, deadline.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
