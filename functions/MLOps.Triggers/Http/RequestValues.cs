using Microsoft.AspNetCore.Http;
using MLOps.Core.Naming;
using MLOps.Core.Pipelines;

namespace MLOps.Triggers.Http;

/// <summary>
/// The rules for route and query values, keyed by parameter name, checked once for every route before any
/// handler runs (the embedded host's request gate, the Functions app's middleware). A new route gets them by
/// naming its parameters as the others do; a parameter no rule names still gets the default (short, no control
/// characters), so no value can reach storage keys, instance ids or log lines unchecked.
/// </summary>
public static class RequestValues
{
    /// <summary>Route parameters: <c>{project}</c>, <c>{name}</c> (a model), <c>{alias}</c>, <c>{version}</c>, <c>{runId}</c>, <c>{id}</c> (an instance), <c>{eventName}</c>, <c>{pipeline}</c>, <c>{fileName}</c> (a landed file), <c>{report}</c>, <c>{digest}</c> (a model package), <c>{endpoint}</c> (a serving endpoint).</summary>
    public static IReadOnlyDictionary<string, NameRule> Route { get; } = new Dictionary<string, NameRule>(StringComparer.OrdinalIgnoreCase)
    {
        ["project"] = NameRules.Project,
        ["name"] = NameRules.ModelName,
        ["alias"] = NameRules.Alias,
        ["version"] = NameRules.FeatureSetVersion,
        ["runId"] = NameRules.Key,
        ["id"] = NameRules.InstanceId,
        ["eventName"] = NameRules.EventName,
        ["pipeline"] = NameRules.PipelineName,
        ["fileName"] = NameRules.LandingFile,
        ["report"] = NameRules.ReportName,
        ["digest"] = NameRules.PackageDigest,
        ["endpoint"] = NameRules.Endpoint,
    };

    /// <summary>Query parameters that name things; an empty value counts as absent except where the name is the point.</summary>
    public static IReadOnlyDictionary<string, (NameRule Rule, bool EmptyAllowed)> Query { get; } =
        new Dictionary<string, (NameRule, bool)>(StringComparer.OrdinalIgnoreCase)
        {
            ["key"] = (NameRules.Key, false),
            ["ids"] = (NameRules.Key, false),
            ["id"] = (NameRules.Key, false),
            ["kind"] = (NameRules.Kind, false),
            ["experiment"] = (NameRules.Key, true),
            ["algorithm"] = (NameRules.Key, true),
            ["metric"] = (NameRules.Key, true),
            ["orderBy"] = (NameRules.Key, true),
            ["reason"] = (NameRules.Reason, true),
            ["sample"] = (new NameRule("must be at most 1024 characters, none of them a control character", v => v.Length <= 1024 && !NameRules.HasControl(v)), true),
        };

    public const string InstanceIdParameter = "instanceId";

    /// <summary>Every problem with the request's route and query values, each as <c>name: what it must be</c>.</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<KeyValuePair<string, string?>> routeValues, IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(routeValues);
        ArgumentNullException.ThrowIfNull(query);
        var problems = new List<string>();
        foreach ((string name, string? value) in routeValues)
        {
            NameRule rule = Route.GetValueOrDefault(name) ?? NameRules.Key;
            if (rule.Problem(name, value) is { } problem)
            {
                problems.Add(problem);
            }
        }

        foreach ((string name, Microsoft.Extensions.Primitives.StringValues values) in query)
        {
            foreach (string value in values.Select(v => v ?? string.Empty))
            {
                if (QueryProblem(name, value) is { } problem)
                {
                    problems.Add(problem);
                }
            }
        }

        return problems;
    }

    private static string? QueryProblem(string name, string value)
    {
        if (name.Equals(InstanceIdParameter, StringComparison.OrdinalIgnoreCase))
        {
            // Empty asks the platform to choose one.
            return value.Length == 0 ? null : InstanceIds.CallerChosenProblem(value) is { } problem ? $"{InstanceIdParameter}: {problem}" : null;
        }

        if (Query.TryGetValue(name, out (NameRule Rule, bool EmptyAllowed) entry))
        {
            return value.Length == 0 && entry.EmptyAllowed ? null : entry.Rule.Problem(name, value);
        }

        return NameRules.Text.Problem(name, value);
    }
}
