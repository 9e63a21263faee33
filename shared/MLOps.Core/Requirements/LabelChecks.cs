namespace MLOps.Core.Requirements;

/// <summary>The label must have the values the task needs, and the rarest class must not be vanishingly rare.</summary>
internal static class LabelChecks
{
    public static LabelBalance? Check(ProjectSpec spec, IReadOnlyList<string?> target, FeasibilityOptions options, List<FeasibilityFinding> findings)
    {
        string column = spec.Target.Column;
        string[] labels = [.. target.OfType<string>()];
        if (labels.Length == 0)
        {
            findings.Add(new(FeasibilityCheck.LabelValues, FindingSeverity.Error, $"the target column '{column}' has no values") { Column = column });
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
        if (counts.Count < 2)
        {
            findings.Add(new(FeasibilityCheck.LabelValues, FindingSeverity.Error, $"the target column '{column}' has a single class") { Column = column });
        }

        if (spec.Task == ModelTask.BinaryClassification)
        {
            if (counts.Count > 2)
            {
                findings.Add(new(FeasibilityCheck.LabelValues, FindingSeverity.Error, $"a binary target has {counts.Count} distinct values: {string.Join(", ", counts.Keys)}")
                { Column = column, Actual = counts.Count, Limit = 2 });
            }

            if (spec.Target.PositiveClass is { } positive && !counts.ContainsKey(positive))
            {
                findings.Add(new(FeasibilityCheck.LabelValues, FindingSeverity.Error, $"the positive class '{positive}' does not occur in '{column}'") { Column = column });
            }
        }

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
