using System.Reflection;
using System.Runtime.InteropServices;

namespace MLOps.Core.Tracking;

/// <summary>Where a run executed: enough to tell whether two runs can be compared or one reproduced.</summary>
public sealed record RunEnvironment(
    string Runtime,
    string OperatingSystem,
    string ProcessArchitecture,
    IReadOnlyDictionary<string, string> Packages,
    string? CodeVersion,
    string? GitCommit)
{
    /// <summary>Assembly name prefixes whose versions change results; the rest of the process is noise.</summary>
    public static readonly IReadOnlyList<string> DefaultPackagePrefixes =
        ["Microsoft.ML", "Azure.", "Parquet", "YamlDotNet", "MLOps.", "LightGBM", "Microsoft.Data.Analysis", "Microsoft.ML.OnnxRuntime"];

    public static RunEnvironment Capture(Assembly? codeAssembly = null, IEnumerable<string>? packagePrefixes = null)
    {
        IReadOnlyList<string> prefixes = packagePrefixes?.ToList() ?? DefaultPackagePrefixes;
        var packages = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (Assembly assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            string? name = assembly.GetName().Name;
            if (name is not null && !assembly.IsDynamic && prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                packages[name] = StripCommit(VersionOf(assembly)).Version;
            }
        }

        Assembly code = codeAssembly ?? Assembly.GetEntryAssembly() ?? Assembly.GetCallingAssembly();
        (string version, string? commit) = StripCommit(VersionOf(code));
        return new RunEnvironment(
            RuntimeInformation.FrameworkDescription,
            RuntimeInformation.OSDescription,
            RuntimeInformation.ProcessArchitecture.ToString(),
            packages,
            version,
            commit);
    }

    /// <summary>SourceLink appends "+{commit}" to the informational version; split it off.</summary>
    internal static (string Version, string? Commit) StripCommit(string informational)
    {
        int plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? (informational, null) : (informational[..plus], informational[(plus + 1)..]);
    }

    private static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetName().Version?.ToString()
        ?? "unknown";
}
