using MLOps.Core.Requirements;

namespace MLOps.Core.Integration.Contract;

/// <summary>
/// The package's raw input schema against the project's registered columns: names compared ordinally (as every
/// column reference of the spec is) and in any order, types exactly. A column the package reads must be registered,
/// once, with the same type: each difference is named, the figure is their count and the bound is zero. A registered
/// column the package does not read is listed but is no difference: a model need not read every column, and must not
/// read a sensitive attribute the spec forbids as a feature (a scoring record may carry such columns; they are ignored).
/// </summary>
public static class InputSchemaCheck
{
    public const string Unit = "schema differences";

    /// <summary>
    /// The registered columns a package is fed: the spec's data-rule columns less the target, which a scoring
    /// request cannot carry.
    /// </summary>
    public static IReadOnlyList<SchemaColumn> ExpectedInputs(ProjectSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return [.. spec.DataRules.Columns
            .Where(c => !string.Equals(c.Name, spec.Target.Column, StringComparison.Ordinal))
            .Select(c => new SchemaColumn(c.Name, c.Type))];
    }

    public static CheckResult Check(IReadOnlyList<SchemaColumn> package, IReadOnlyList<SchemaColumn> registered)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(registered);
        List<string> differences = [];
        foreach (IGrouping<string, SchemaColumn> repeated in package.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            differences.Add($"'{repeated.Key}' is declared {repeated.Count()} times by the package");
        }

        Dictionary<string, SchemaColumn> declared = package.DistinctBy(c => c.Name, StringComparer.Ordinal).ToDictionary(c => c.Name, StringComparer.Ordinal);
        Dictionary<string, SchemaColumn> expected = registered.DistinctBy(c => c.Name, StringComparer.Ordinal).ToDictionary(c => c.Name, StringComparer.Ordinal);
        string[] unread = [.. registered.Where(c => !declared.ContainsKey(c.Name)).Select(c => c.Name).Distinct(StringComparer.Ordinal)];
        foreach (SchemaColumn column in package.Where(c => !expected.ContainsKey(c.Name)).DistinctBy(c => c.Name, StringComparer.Ordinal))
        {
            differences.Add($"'{column.Name}' ({column.Type}) is taken by the package but not registered");
        }

        foreach (SchemaColumn column in package.DistinctBy(c => c.Name, StringComparer.Ordinal))
        {
            if (expected.TryGetValue(column.Name, out SchemaColumn? rule) && rule.Type != column.Type)
            {
                differences.Add($"'{column.Name}' is {column.Type} in the package but registered as {rule.Type}");
            }
        }

        string read = $"The package reads {declared.Count - package.Where(c => !expected.ContainsKey(c.Name)).Select(c => c.Name).Distinct(StringComparer.Ordinal).Count()} of the {expected.Count} registered columns"
            + (unread.Length == 0 ? "." : $"; not read: {string.Join(", ", unread)}.");
        string detail = differences.Count == 0
            ? $"{read} Every column it reads is registered with its type."
            : string.Join("; ", differences) + ". " + read;
        return CheckResult.Judge(CheckNames.InputSchema, differences.Count, 0, GateDirection.AtMost, Unit, detail);
    }
}
