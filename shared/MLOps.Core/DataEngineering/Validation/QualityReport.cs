namespace MLOps.Core.DataEngineering.Validation;

/// <summary>
/// The validation verdict for a dataset: Failed when a Hard rule fails, PassedWithWarnings when only Soft
/// rules fail, Passed otherwise.
/// </summary>
public sealed record QualityReport(string Dataset, long Rows, QualityStatus Status, IReadOnlyList<RuleResult> Results)
{
    public static QualityStatus StatusOf(IEnumerable<RuleResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        RuleResult[] failed = results.Where(r => !r.Passed).ToArray();
        return failed.Any(r => r.Severity == RuleSeverity.Hard) ? QualityStatus.Failed
            : failed.Length > 0 ? QualityStatus.PassedWithWarnings
            : QualityStatus.Passed;
    }
}
