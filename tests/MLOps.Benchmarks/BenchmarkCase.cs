using System.Globalization;
using System.Reflection;
using MLOps.DurableLocal;

namespace MLOps.Benchmarks;

/// <summary>One configuration of the engine and the orchestration that measures it.</summary>
public sealed record BenchmarkCase(string Name, string Description, EmbeddedEngineOptions Options, bool Chunked)
{
    private static readonly PropertyInfo[] Knobs = typeof(EmbeddedEngineOptions)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p is { CanRead: true, CanWrite: true })
        .ToArray();

    /// <summary>The options as the "DurableEngine" configuration section, so they go through the host's own binding.</summary>
    public Dictionary<string, string?> ToConfiguration(string connectionString, string taskHubName)
    {
        var settings = Knobs.ToDictionary(
            p => $"{EmbeddedEngineOptions.SectionName}:{p.Name}",
            p => Convert.ToString(p.GetValue(this.Options), CultureInfo.InvariantCulture));
        settings[$"{EmbeddedEngineOptions.SectionName}:{nameof(EmbeddedEngineOptions.StorageConnectionString)}"] = connectionString;
        settings[$"{EmbeddedEngineOptions.SectionName}:{nameof(EmbeddedEngineOptions.TaskHubName)}"] = taskHubName;
        return settings;
    }

    /// <summary>The knobs that shape throughput, for the report.</summary>
    public string Settings => string.Join(", ", Knobs
        .Where(p => p.Name is not (nameof(EmbeddedEngineOptions.StorageConnectionString) or nameof(EmbeddedEngineOptions.TaskHubName)))
        .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name}={p.GetValue(this.Options)}")));
}
