using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MLOps.Core.Serving.Workers;

namespace MLOps.LocalHost.Workers;

/// <summary>
/// One ONNX worker process on a free loopback port: started with <c>dotnet exec</c> on the worker's dll, its
/// settings passed as command-line configuration (and its secrets in the environment), its output forwarded to a
/// logger, and killed on dispose.
/// </summary>
public sealed class LocalWorkerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Queue<string> tail = new();

    private LocalWorkerProcess(Process process, Uri endpoint, string accessKey)
    {
        this.process = process;
        this.Endpoint = endpoint;
        this.AccessKey = accessKey;
    }

    public Uri Endpoint { get; }

    public string AccessKey { get; }

    public int ProcessId => this.process.Id;

    public bool HasExited => this.process.HasExited;

    /// <summary>The last lines the worker wrote, for error messages.</summary>
    public string Tail
    {
        get
        {
            lock (this.tail)
            {
                return string.Join(Environment.NewLine, this.tail);
            }
        }
    }

    /// <param name="environment">Secrets and settings passed through the environment (e.g. Storage__ConnectionString).</param>
    /// <param name="settings">Further configuration as key/value pairs (e.g. Worker:DynamicBatching:Enabled = false).</param>
    public static LocalWorkerProcess Start(
        string workerDll, string accessKey, IReadOnlyDictionary<string, string> environment, IEnumerable<KeyValuePair<string, string?>> settings, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(logger);
        if (!File.Exists(workerDll))
        {
            throw new FileNotFoundException($"The ONNX worker is not built at {workerDll}: build functions/MLOps.OnnxWorker (the embedded host's build does), or set Workers:Local:WorkerPath.", workerDll);
        }

        var endpoint = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort()}/"));
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(workerDll)!,
        };
        foreach (string argument in new[] { "exec", workerDll, $"--Urls={endpoint.AbsoluteUri.TrimEnd('/')}" }
                     .Concat(settings.Where(s => s.Value is not null).Select(s => $"--{s.Key}={s.Value}")))
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["Worker__AccessKey"] = accessKey;
        start.Environment["Worker__ParentProcessId"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

        Process process = Process.Start(start) ?? throw new InvalidOperationException("The ONNX worker process did not start.");
        var worker = new LocalWorkerProcess(process, endpoint, accessKey);
        string port = endpoint.Port.ToString(CultureInfo.InvariantCulture);
        process.OutputDataReceived += (_, e) => worker.Forward(logger, port, e.Data);
        process.ErrorDataReceived += (_, e) => worker.Forward(logger, port, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Polls /v2/health/ready until it answers 200; false when the process exits or the timeout passes first.</summary>
    public async Task<bool> WaitUntilReadyAsync(HttpClient http, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var client = new InferenceWorkerClient(http, this.Endpoint, this.AccessKey);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout && !this.process.HasExited)
        {
            if (await client.IsReadyAsync(cancellationToken))
            {
                return true;
            }

            await Task.Delay(100, cancellationToken);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!this.process.HasExited)
            {
                this.process.Kill(entireProcessTree: true);
                await this.process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        this.process.Dispose();
    }

    /// <summary>The dotnet host running this process (so the worker runs on the same runtime), else the one on PATH.</summary>
    private static string DotnetHost()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        string? current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Forward(ILogger logger, string port, string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        lock (this.tail)
        {
            this.tail.Enqueue(line);
            if (this.tail.Count > 20)
            {
                this.tail.Dequeue();
            }
        }

        logger.LogInformation("worker :{Port} {Line}", port, line);
    }
}
