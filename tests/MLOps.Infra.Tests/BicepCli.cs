using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace MLOps.Infra.Tests;

/// <summary>The result of one bicep invocation; <see cref="Diagnostics"/> are its error and warning lines (linter included).</summary>
public sealed record BicepResult(int ExitCode, string StandardOutput, string StandardError, IReadOnlyList<string> Diagnostics)
{
    public string Describe() =>
        $"exit code {this.ExitCode}; {this.Diagnostics.Count} diagnostic(s):{Environment.NewLine}" +
        string.Join(Environment.NewLine, this.Diagnostics.DefaultIfEmpty(this.StandardError));
}

/// <summary>
/// Runs the Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package (its path is baked into the assembly at
/// build time) against the repository's infra folder. Only local modules are used, so it needs no network.
/// </summary>
public static partial class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private static readonly Lazy<string> Executable = new(FindExecutable);
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>Environment variables main.bicepparam reads; the tests set them explicitly, never inherit them.</summary>
    public static readonly IReadOnlyList<string> ParameterVariables =
        ["MLOPS_EVENT_DELIVERY_KEY", "MLOPS_BLOB_EXTENSION_KEY", "MLOPS_APP_CODE_PUBLISHED", "MLOPS_APP_SETTINGS_JSON", "MLOPS_PACKAGE_SIGNING_KEY_URI",
         "MLOPS_WORKER_IMAGE", "MLOPS_WORKER_ACCESS_KEY", "MLOPS_PACKAGE_PUBLIC_KEY"];

    public static string RepositoryRoot => Root.Value;

    public static string InfraPath(string relative) => Path.Combine(RepositoryRoot, "infra", relative);

    public static BicepResult Run(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable.Value)
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // bicep is a single-file .NET app: give it a writable extraction folder even where HOME is not set.
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_BUNDLE_EXTRACT_BASE_DIR")))
        {
            start.Environment["DOTNET_BUNDLE_EXTRACT_BASE_DIR"] = Path.Combine(Path.GetTempPath(), "mlops-bicep-extract");
        }

        foreach (string name in ParameterVariables)
        {
            start.Environment.Remove(name);
        }

        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        process.WaitForExit();
        string error = stderr.GetAwaiter().GetResult();
        string[] diagnostics = error
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => DiagnosticLine().IsMatch(line))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return new BicepResult(process.ExitCode, stdout.GetAwaiter().GetResult(), error, diagnostics);
    }

    // e.g. "/x/infra/main.bicep(12,5) : Warning no-unused-params: Parameter "a" is declared but never used. [...]"
    [GeneratedRegex(@"\(\d+,\d+\)\s*:\s*(Error|Warning|Info)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DiagnosticLine();

    private static string FindExecutable()
    {
        string? path = Environment.GetEnvironmentVariable("MLOPS_BICEP_PATH");
        if (string.IsNullOrEmpty(path))
        {
            path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .SingleOrDefault(a => a.Key == "BicepPath")?.Value;
        }

        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The bicep executable '{path}' does not exist. Restore the Azure.Bicep.CommandLine.linux-x64 package, or point MLOPS_BICEP_PATH at a bicep binary.");
        }

        return EnsureExecutable(path);
    }

    /// <summary>NuGet does not promise to keep the executable bit; set it, or use an executable copy where the cache is read-only.</summary>
    private static string EnsureExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return path;
        }

        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        UnixFileMode mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) != 0)
        {
            return path;
        }

        try
        {
            File.SetUnixFileMode(path, mode | execute);
            return path;
        }
        catch (UnauthorizedAccessException)
        {
            string copy = Path.Combine(Path.GetTempPath(), $"mlops-bicep-{Environment.ProcessId}", Path.GetFileName(path));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(path, copy, overwrite: true);
            File.SetUnixFileMode(copy, mode | execute | UnixFileMode.UserRead | UnixFileMode.UserWrite);
            return copy;
        }
    }

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MLOps.Functions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No MLOps.Functions.sln above {AppContext.BaseDirectory}.");
    }
}
