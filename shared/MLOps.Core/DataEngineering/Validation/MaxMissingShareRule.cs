using System.Globalization;
using MLOps.Core.DataEngineering.Profiling;

namespace MLOps.Core.DataEngineering.Validation;

/// <summary>At most <see cref="MaxShare"/> (0..1) of the column's values may be missing.</summary>
public sealed record MaxMissingShareRule(string Id, string Column, double MaxShare, RuleSeverity Severity = RuleSeverity.Hard, string? Name = null)
    : DataRule(Id, Severity, Name)
{
    internal override string Kind => "maximum missing share";

    internal override string? TargetColumn => this.Column;

    internal override Func<string, bool>? CreateOffenceTest() => MissingValues.IsMissing;

    internal override RuleVerdict Judge(DatasetProfile profile, ColumnProfile? column, long offendingRows)
    {
        double share = column?.MissingShare ?? 0;
        return new RuleVerdict(
            share <= this.MaxShare,
            $"at most {Percent(this.MaxShare)} missing",
            $"{Percent(share)} missing ({column?.Missing ?? 0} of {column?.Rows ?? 0} rows)");
    }

    private static string Percent(double share) => (share * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";
}
