using MLOps.Core.DataEngineering;
using MLOps.Core.DataEngineering.Cleaning;
using MLOps.Core.DataEngineering.Validation;

namespace MLOps.Core.Requirements;

/// <summary>
/// Words the data pipeline's verdict on a sample (<see cref="ContractRehearsalResult"/>) as feasibility findings:
/// a failed hard rule or a failing change-guard finding is an error (the pipeline would stop), a failed soft rule
/// or a guard warning is a warning (the pipeline would warn), and a partial sample is noted.
/// </summary>
internal static class ContractFindings
{
    public static void Add(ProjectSpec spec, DataSample sample, ContractRehearsalResult rehearsal, List<FeasibilityFinding> findings)
    {
        if (sample.IsPartial)
        {
            findings.Add(new(
                FeasibilityCheck.Sample,
                FindingSeverity.Info,
                sample.Truncated
                    ? $"the data contract was checked on the first {sample.Rows.Count} rows only; the data pipeline checks every row of the file, so it can still find more"
                    : $"the data contract was checked on a sample of {sample.Rows.Count} of {sample.TotalRows} rows; the data pipeline checks every row"));
        }

        Dictionary<string, DataRule> rules = DataContract.ValidationRules(spec).ToDictionary(r => r.Id, StringComparer.Ordinal);
        HashSet<string> absent = new(StringComparer.Ordinal);
        foreach (RuleResult result in rehearsal.Quality.Results.Where(r => !r.Passed))
        {
            FindingSeverity severity = result.Severity == MLOps.Core.DataEngineering.Validation.RuleSeverity.Hard ? FindingSeverity.Error : FindingSeverity.Warning;
            if (result.ColumnMissing)
            {
                // One finding per absent column, however many rules name it.
                if (absent.Add(result.Column!))
                {
                    findings.Add(new(FeasibilityCheck.ColumnPresent, severity, $"declared column '{result.Column}' is not in the data") { Column = result.Column });
                }

                continue;
            }

            findings.Add(rules[result.RuleId] switch
            {
                MinRowCountRule min when sample.Truncated => new(
                    FeasibilityCheck.MinRows,
                    FindingSeverity.Info,
                    $"the sample stops at {sample.Rows.Count} rows; the spec needs at least {min.MinRows}, which the data pipeline checks on the whole file")
                { Actual = sample.Rows.Count, Limit = min.MinRows },
                MinRowCountRule min => new(FeasibilityCheck.MinRows, severity, $"{sample.TotalRows} rows; the spec needs at least {min.MinRows}")
                { Actual = sample.TotalRows, Limit = min.MinRows },
                MaxMissingShareRule missing => MissingShare(sample, missing, severity),
                TargetClassesRule => new(FeasibilityCheck.LabelValues, severity, result.Describe()) { Column = result.Column },
                _ => new(FeasibilityCheck.DataRule, severity, result.Describe()) { Column = result.Column, Actual = result.OffendingRows },
            });
        }

        foreach (CleaningFinding finding in rehearsal.Guard?.Findings ?? [])
        {
            findings.Add(new(
                FeasibilityCheck.Cleaning,
                finding.Outcome == GuardAction.Fail ? FindingSeverity.Error : FindingSeverity.Warning,
                finding.Message)
            { Column = finding.Column, Actual = finding.Share, Limit = finding.Limit });
        }
    }

    private static FeasibilityFinding MissingShare(DataSample sample, MaxMissingShareRule rule, FindingSeverity severity)
    {
        IReadOnlyList<string?> values = sample.Column(rule.Column);
        double share = values.Count == 0 ? 0 : (double)values.Count(v => v is null) / values.Count;
        return new(
            FeasibilityCheck.MissingShare,
            severity,
            $"'{rule.Column}' is missing in {FeasibilityChecker.Percent(share)} of rows; the rule allows {FeasibilityChecker.Percent(rule.MaxShare)}")
        { Column = rule.Column, Actual = share, Limit = rule.MaxShare };
    }
}
