using MLOps.Core.DataEngineering.Cleaning;
using MLOps.Core.DataEngineering.Profiling;

namespace MLOps.Core.DataEngineering.Validation;

/// <summary>
/// Every non-missing value must match one of <see cref="Values"/> by the one matching rule,
/// <see cref="CategorySpelling"/>: byte for byte, or by canonical spelling when the column is
/// <see cref="Normalised"/>.
/// </summary>
public sealed record AllowedValuesRule(
    string Id, string Column, IReadOnlyList<string> Values, bool Normalised = false, RuleSeverity Severity = RuleSeverity.Hard, string? Name = null)
    : DataRule(Id, Severity, Name)
{
    internal override string Kind => "allowed values";

    internal override string? TargetColumn => this.Column;

    public CategorySpelling Spelling() => new(this.Values, this.Normalised);

    internal override Func<string, bool>? CreateOffenceTest()
    {
        CategorySpelling spelling = this.Spelling();
        return value => !MissingValues.IsMissing(value) && spelling.Clean(value) is null;
    }

    internal override RuleVerdict Judge(DatasetProfile profile, ColumnProfile? column, long offendingRows)
    {
        CategorySpelling spelling = this.Spelling();
        string[] outside = (column?.TopValues ?? [])
            .Where(v => spelling.Clean(v.Value) is null)
            .Select(v => $"'{v.Value}' ({v.Count})")
            .ToArray();
        string observed = outside.Length > 0
            ? $"{offendingRows} rows outside the set, most frequent: {string.Join(", ", outside)}"
            : $"{offendingRows} rows outside the set";
        string matching = this.Normalised ? " (by canonical spelling)" : " (exactly)";
        return new RuleVerdict(offendingRows == 0, $"one of {string.Join(", ", this.Values.Select(v => $"'{v}'"))}{matching}", observed);
    }
}
