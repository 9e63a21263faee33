namespace MLOps.Core.Requirements;

/// <summary>A regression label must be numbers; for classification, the rarest class must not be vanishingly rare.</summary>
internal static class LabelChecks
{
    public static LabelBalance? Check(ProjectSpec spec, IReadOnlyList<string?> target, FeasibilityOptions options, List<FeasibilityFinding> findings)
    {
        string column = spec.Target.Column;
        string[] labels = [.. target.OfType<string>()];
        if (labels.Length == 0)
        {
            // A classification target without values is already refused by its TargetClassesRule.
            if (spec.Task == ModelTask.Regression)
            {
                findings.Add(new(FeasibilityCheck.LabelValues, FindingSeverity.Error, $"the target column '{column}' has no values") { Column = column });
            }

            return null;
        }

        if (spec.Task == ModelTask.Regression)
        {
            int bad = labels.Count(l => !ColumnSignals.TryNumber(l, out _));
            if (bad > 0)
            {
                findings.Add(new(FeasibilityCheck.LabelValues, FindingSeverity.Error, $"{bad} target values in '{column}' are not numbers") { Column = column, Actual = bad });
            }

            return null;
        }

        Dictionary<string, long> counts = labels.GroupBy(l => l, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);

        // The classes themselves (a single class, a third one, the positive class absent) are the data contract's
        // TargetClassesRule, which the review runs like the data pipeline does (ContractFindings).
        KeyValuePair<string, long> minority = counts.MinBy(c => c.Value);
        double share = (double)minority.Value / labels.Length;
        if (counts.Count >= 2 && share < options.MinMinorityShare)
        {
            findings.Add(new(
                FeasibilityCheck.LabelBalance,
                FindingSeverity.Warning,
                $"the minority class '{minority.Key}' is {FeasibilityChecker.Percent(share)} of labelled rows ({minority.Value} of {labels.Length}), below {FeasibilityChecker.Percent(options.MinMinorityShare)}")
            { Column = column, Actual = share, Limit = options.MinMinorityShare });
        }

        return new LabelBalance(counts, minority.Key, share);
    }
}
