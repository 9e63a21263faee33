using System.Text.Json;
using Azure.Data.Tables;
using MLOps.Core.DataEngineering;
using MLOps.Core.Storage;

namespace MLOps.Core.Tracking;

/// <summary>
/// The <c>runs</c> table: PartitionKey = project, RowKey = run id, one row per run. Experiment, Status,
/// Algorithm and the times are columns of their own so the table filters on them; parameters, metrics, their
/// history, tags, environment and artifacts are JSON columns, because dictionary keys such as "auc/fold0" break
/// Table property-name rules and a run can log more keys than the 252 properties a row may hold.
/// </summary>
internal static class RunTableLayout
{
    public const string TableName = "runs";

    /// <summary>A string property holds at most 64 KiB, i.e. 32K UTF-16 characters.</summary>
    private const int MaxColumnChars = 32 * 1024;

    public static string Partition(string project) => TableKeys.Escape(project);

    public static string Row(string runId) => TableKeys.Escape(runId);

    public static TableEntity ToEntity(RunRecord run) => new(Partition(run.Project), Row(run.RunId))
    {
        ["Project"] = run.Project,
        ["RunId"] = run.RunId,
        ["Experiment"] = run.Experiment,
        ["Status"] = run.Status.ToString(),
        ["StartTime"] = run.StartTime,
        ["EndTime"] = run.EndTime,
        ["Algorithm"] = run.Algorithm,
        ["Seed"] = run.Seed,
        ["FeatureSetVersion"] = run.FeatureSetVersion,
        ["FeatureSetSha256"] = run.FeatureSetSha256,
        ["CodeVersion"] = run.CodeVersion,
        ["Parameters"] = Json(run, nameof(run.Parameters), run.Parameters),
        ["Metrics"] = Json(run, nameof(run.Metrics), run.Metrics),
        ["MetricHistory"] = Json(run, nameof(run.MetricHistory), run.MetricHistory),
        ["Tags"] = Json(run, nameof(run.Tags), run.Tags),
        ["Environment"] = run.Environment is null ? null : Json(run, nameof(run.Environment), run.Environment),
        ["Artifacts"] = Json(run, nameof(run.Artifacts), run.Artifacts),
    };

    public static RunRecord FromEntity(TableEntity row) => new()
    {
        Project = row.GetString("Project"),
        RunId = row.GetString("RunId"),
        Experiment = row.GetString("Experiment"),
        Status = Enum.Parse<RunStatus>(row.GetString("Status")),
        StartTime = row.GetDateTimeOffset("StartTime") ?? DateTimeOffset.MinValue,
        EndTime = row.GetDateTimeOffset("EndTime"),
        Algorithm = row.GetString("Algorithm"),
        Seed = row.GetInt32("Seed"),
        FeatureSetVersion = row.GetInt32("FeatureSetVersion"),
        FeatureSetSha256 = row.GetString("FeatureSetSha256"),
        CodeVersion = row.GetString("CodeVersion"),
        Parameters = Parse<Dictionary<string, string>>(row, "Parameters") ?? [],
        Metrics = Parse<Dictionary<string, double>>(row, "Metrics") ?? [],
        MetricHistory = Parse<Dictionary<string, IReadOnlyList<MetricPoint>>>(row, "MetricHistory") ?? [],
        Tags = Parse<Dictionary<string, string>>(row, "Tags") ?? [],
        Environment = Parse<RunEnvironment>(row, "Environment"),
        Artifacts = Parse<List<string>>(row, "Artifacts") ?? [],
    };

    /// <summary>Whether two records would be stored as the same row.</summary>
    public static bool SameContent(RunRecord first, RunRecord second)
    {
        TableEntity a = ToEntity(first), b = ToEntity(second);
        return a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out object? v) && Equals(p.Value, v));
    }

    private static string Json<T>(RunRecord run, string column, T value)
    {
        string json = JsonSerializer.Serialize(value, DataEngineeringJson.Options);
        return json.Length <= MaxColumnChars
            ? json
            : throw new InvalidOperationException(
                $"Run '{run.RunId}' has {json.Length} characters of {column}; a run row holds at most {MaxColumnChars} per column. Log fewer keys or steps, or log the rest as an artifact.");
    }

    private static T? Parse<T>(TableEntity row, string column)
        where T : class
    {
        string? json = row.GetString(column);
        return json is null ? null : JsonSerializer.Deserialize<T>(json, DataEngineeringJson.Options);
    }
}
