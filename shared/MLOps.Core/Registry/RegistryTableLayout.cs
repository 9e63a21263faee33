using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using MLOps.Core.DataEngineering;
using MLOps.Core.Storage;

namespace MLOps.Core.Registry;

/// <summary>
/// The <c>models</c> table. One partition per project, so a version and its run index, or an alias and its
/// history row, commit together in one entity-group transaction. Row keys:
/// <list type="bullet">
/// <item><c>model|{name}</c>: the registered model.</item>
/// <item><c>version|{name}|{v:D6}</c>: a version (zero-padded so a range query lists them in order).</item>
/// <item><c>run|{name}|{runId}</c>: which version a run became, the idempotency key of registration.</item>
/// <item><c>alias|{name}|{alias}</c>: where the alias points; its ETag guards every move.</item>
/// <item><c>aliashist|{name}|{alias}|{seq:D6}</c>: one row per move or rollback.</item>
/// <item><c>package|{name}|{v:D6}</c>: the build state of the version's model package, beside the version's row so
/// that recording it never moves the version row's ETag, which approvals and alias moves pin.</item>
/// </list>
/// Model names and aliases are validated to exclude '|' and '/', so the keys cannot collide.
/// </summary>
internal static class RegistryTableLayout
{
    public const string TableName = "models";

    public static string Partition(string project) => TableKeys.Escape(project);

    public static string ModelRow(string name) => $"model|{name}";

    public static string VersionPrefix(string name) => $"version|{name}|";

    public static string VersionRow(string name, int version) =>
        VersionPrefix(name) + version.ToString("D6", CultureInfo.InvariantCulture);

    public static string RunRow(string name, string runId) => $"run|{name}|{TableKeys.Escape(runId)}";

    public static string PackagePrefix(string name) => $"package|{name}|";

    public static string PackageRow(string name, int version) =>
        PackagePrefix(name) + version.ToString("D6", CultureInfo.InvariantCulture);

    public static int PackageRowVersion(string rowKey) => int.Parse(rowKey.AsSpan(rowKey.LastIndexOf('|') + 1), CultureInfo.InvariantCulture);

    public static TableEntity ToEntity(string project, string name, int version, PackageBuild build) => new(Partition(project), PackageRow(name, version))
    {
        ["Json"] = JsonSerializer.Serialize(build, DataEngineeringJson.Options),
        ["State"] = build.State.ToString(),
    };

    public static PackageBuild PackageBuildFrom(TableEntity row) =>
        JsonSerializer.Deserialize<PackageBuild>(row.GetString("Json"), DataEngineeringJson.Options)
        ?? throw new JsonException($"Package row '{row.RowKey}' is empty.");

    public static string AliasPrefix(string name) => $"alias|{name}|";

    public static string AliasRow(string name, string alias) => AliasPrefix(name) + alias;

    public static string HistoryPrefix(string name, string alias) => $"aliashist|{name}|{alias}|";

    public static string HistoryRow(string name, string alias, long sequence) =>
        HistoryPrefix(name, alias) + sequence.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>The exclusive upper bound of a prefix range: '|' + 1 is '}'.</summary>
    public static string UpperBound(string prefix) => prefix[..^1] + "}";

    public static TableEntity ToEntity(ModelVersion v) => new(Partition(v.Project), VersionRow(v.Name, v.Version))
    {
        // The package's build state lives in its own row (see PackageRow); readers merge it in.
        ["Json"] = JsonSerializer.Serialize(v with { Package = PackageBuild.None }, DataEngineeringJson.Options),
        ["RunId"] = v.RunId,
        ["Status"] = v.Status.ToString(),
        ["State"] = v.State.ToString(),
    };

    public static ModelVersion VersionFrom(TableEntity row) =>
        JsonSerializer.Deserialize<ModelVersion>(row.GetString("Json"), DataEngineeringJson.Options)
        ?? throw new JsonException($"Version row '{row.RowKey}' is empty.");

    public static TableEntity ToEntity(AliasMove move, string project) =>
        new(Partition(project), HistoryRow(move.Name, move.Alias, move.Sequence))
        {
            ["Json"] = JsonSerializer.Serialize(move, DataEngineeringJson.Options),
        };

    public static AliasMove MoveFrom(TableEntity row) =>
        JsonSerializer.Deserialize<AliasMove>(row.GetString("Json"), DataEngineeringJson.Options)
        ?? throw new JsonException($"Alias history row '{row.RowKey}' is empty.");
}
