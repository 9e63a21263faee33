using System.Diagnostics;
using System.Globalization;
using System.Text;
using MLOps.LocalHost.Azurite;

namespace MLOps.IntegrationTests.Infrastructure;

/// <summary>The embedded host as a separate OS process (the real Program), so a test can SIGKILL it.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private HostProcess(Process process, Uri baseUrl)
    {
        this.process = process;
        this.BaseUrl = baseUrl;
        this.Http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseUrl { get; }

    public HttpClient Http { get; }

    public int ProcessId => this.process.Id;

    public bool HasExited => this.process.HasExited;

    public string Output
    {
        get
        {
            lock (this.output)
            {
                return this.output.ToString();
            }
        }
    }

    /// <summary>Starts the host against <paramref name="azurite"/>; <paramref name="settings"/> are more <c>--Key=value</c> arguments (later ones win).</summary>
    public static async Task<HostProcess> StartAsync(AzuriteOptions azurite, string taskHub, params string[] settings)
    {
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";
        string dll = Path.Combine(RepositoryRoot.Find(), "functions", "MLOps.LocalHost", "bin", configuration, "net10.0", "MLOps.LocalHost.dll");
        var baseUrl = new Uri($"http://127.0.0.1:{FreePorts.Next()}/");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments =
        [
            "exec", dll,
            $"--Urls={baseUrl.ToString().TrimEnd('/')}",
            "--Azurite:AutoStart=false",
            string.Create(CultureInfo.InvariantCulture, $"--Azurite:BlobPort={azurite.BlobPort}"),
            string.Create(CultureInfo.InvariantCulture, $"--Azurite:QueuePort={azurite.QueuePort}"),
            string.Create(CultureInfo.InvariantCulture, $"--Azurite:TablePort={azurite.TablePort}"),
            $"--DurableEngine:TaskHubName={taskHub}",
            "--LandingWatcher:Enabled=false",
            .. settings,
        ];
        foreach (string arg in arguments)
        {
            start.ArgumentList.Add(arg);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("The host process did not start.");
        var host = new HostProcess(process, baseUrl);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {process.ExitCode}:\n{host.Output}");
            }

            try
            {
                using HttpResponseMessage health = await host.Http.GetAsync(new Uri("api/health", UriKind.Relative));
                if (health.IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        await host.DisposeAsync();
        throw new TimeoutException($"The host did not become healthy:\n{host.Output}");
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crashed or evicted host.</summary>
    public async Task KillAsync()
    {
        this.process.Kill(entireProcessTree: false);
        await this.process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!this.process.HasExited)
        {
            await this.KillAsync();
        }

        this.process.Dispose();
        this.Http.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (this.output)
            {
                this.output.AppendLine(line);
            }
        }
    }
}
