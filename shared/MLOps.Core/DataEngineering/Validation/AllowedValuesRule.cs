using MLOps.Core.DataEngineering.Profiling;

namespace MLOps.Core.DataEngineering.Validation;

/// <summary>Every non-missing value must be one of <see cref="Values"/> (ordinal comparison unless IgnoreCase).</summary>
public sealed record AllowedValuesRule(
    string Id, string Column, IReadOnlyList<string> Values, bool IgnoreCase = false, RuleSeverity Severity = RuleSeverity.Hard, string? Name = null)
    : DataRule(Id, Severity, Name)
{
    internal override string Kind => "allowed values";

    internal override string? TargetColumn => this.Column;

    internal override Func<string, bool>? CreateOffenceTest()
    {
        HashSet<string> allowed = this.AllowedSet();
        return value => !MissingValues.IsMissing(value) && !allowed.Contains(value);
    }

    internal override RuleVerdict Judge(DatasetProfile profile, ColumnProfile? column, long offendingRows)
    {
        HashSet<string> allowed = this.AllowedSet();
        string[] outside = (column?.TopValues ?? [])
            .Where(v => !allowed.Contains(v.Value))
            .Select(v => $"'{v.Value}' ({v.Count})")
            .ToArray();
        string observed = outside.Length > 0
            ? $"{offendingRows} rows outside the set, most frequent: {string.Join(", ", outside)}"
            : $"{offendingRows} rows outside the set";
        return new RuleVerdict(offendingRows == 0, $"one of {string.Join(", ", this.Values.Select(v => $"'{v}'"))}", observed);
    }

    private HashSet<string> AllowedSet() =>
        new(this.Values, this.IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
}
