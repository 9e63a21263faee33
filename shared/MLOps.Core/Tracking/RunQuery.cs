using System.Globalization;

namespace MLOps.Core.Tracking;

/// <summary>
/// The in-memory half of a run search: the value condition, the order and the limit, applied to the runs the table
/// filter returned. A name is a metric (<c>auc</c>) or, with the <c>params.</c> prefix, a numeric parameter
/// (<c>params.NumberOfLeaves</c>); names match ignoring case, the exact spelling first. A name that none of the runs
/// has is refused with the names they do have (<see cref="UnknownRunValueException"/>), so a typo is not an empty
/// answer.
/// </summary>
public static class RunQuery
{
    public const string ParameterPrefix = "params.";

    public static IReadOnlyList<RunRecord> Apply(IReadOnlyList<RunRecord> runs, RunFilter filter)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(filter);
        if (runs.Count > 0)
        {
            Require(runs, filter.Metric?.Metric, nameof(RunFilter.Metric));
            Require(runs, filter.OrderBy, nameof(RunFilter.OrderBy));
        }

        IEnumerable<RunRecord> matching = filter.Metric is { } condition
            ? runs.Where(r => ValueOf(r, condition.Metric) is { } v && condition.Holds(v))
            : runs;
        IEnumerable<RunRecord> ordered = matching.OrderBy(r => r.StartTime).ThenBy(r => r.RunId, StringComparer.Ordinal);
        if (filter.OrderBy is { } name)
        {
            // Runs without the value (or with an undefined one) sort last either way.
            Func<RunRecord, double?> value = r => ValueOf(r, name) is { } v && !double.IsNaN(v) ? v : null;
            IOrderedEnumerable<RunRecord> present = matching.OrderBy(r => value(r) is null ? 1 : 0);
            ordered = (filter.Descending ? present.ThenByDescending(value) : present.ThenBy(value)).ThenBy(r => r.RunId, StringComparer.Ordinal);
        }

        return filter.Top is { } top ? [.. ordered.Take(top)] : [.. ordered];
    }

    /// <summary>A metric, or a parameter as a number with the <c>params.</c> prefix; null when the run has no such value.</summary>
    public static double? ValueOf(RunRecord run, string name)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(name);
        if (!name.StartsWith(ParameterPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Find(run.Metrics, name);
        }

        return Find(run.Parameters, name[ParameterPrefix.Length..]) is { } text
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
            ? number
            : null;
    }

    /// <summary>The names a query may use on these runs: every metric, and every parameter with the prefix.</summary>
    public static IReadOnlyList<string> KnownNames(IEnumerable<RunRecord> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return [.. runs
            .SelectMany(r => r.Metrics.Keys.Concat(r.Parameters.Keys.Select(p => ParameterPrefix + p)))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)];
    }

    internal static double? Find(IReadOnlyDictionary<string, double> values, string name) =>
        values.TryGetValue(name, out double exact) ? exact
        : values.FirstOrDefault(kv => string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } found ? found.Value
        : null;

    private static string? Find(IReadOnlyDictionary<string, string> values, string name) =>
        values.TryGetValue(name, out string? exact) ? exact
        : values.FirstOrDefault(kv => string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static void Require(IReadOnlyList<RunRecord> runs, string? name, string field)
    {
        if (name is not null && !runs.Any(r => Has(r, name)))
        {
            throw new UnknownRunValueException(name, field, KnownNames(runs));
        }
    }

    private static bool Has(RunRecord run, string name) =>
        name.StartsWith(ParameterPrefix, StringComparison.OrdinalIgnoreCase)
            ? Find(run.Parameters, name[ParameterPrefix.Length..]) is not null
            : Find(run.Metrics, name) is not null;
}
