using System.Globalization;
using MLOps.Core.FeatureStore.Engineering;
using MLOps.Core.Requirements;

namespace MLOps.Core.DataEngineering.Cleaning;

/// <summary>
/// The general guard against cleaning that silently destroys data, judged on a finished pass
/// (<see cref="CleaningReport"/>): a column whose present values were nulled out or rewritten (normalised,
/// clipped) in more than its change guard's share, or more rows dropped (duplicates, DropRow rules) than the
/// rules' guard allows, is a finding that fails the run or, where the spec marks it tolerable, warns. Imputation
/// fills missing values and changes no present one, so it is not weighed (missing shares have their own rule). A
/// target left with a single class (or value) always fails; a feature source column left constant always warns.
/// Pure, so the data pipeline and the spec review judge alike.
/// </summary>
public static class CleaningGuard
{
    private static readonly CleaningAction[] ValueChanges = [CleaningAction.Normalised, CleaningAction.NulledOut, CleaningAction.Clipped];

    public static CleaningVerdict Review(ProjectSpec spec, CleaningReport report)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(report);
        var findings = new List<CleaningFinding>();
        ChangeGuard rows = spec.DataRules.ChangeGuard;
        double dropped = report.RowsRead == 0 ? 0 : (double)report.RowsDropped / report.RowsRead;
        if (dropped > rows.MaxShare)
        {
            CleaningStep[] steps = [.. report.Steps.Where(s => s.Action == CleaningAction.RowDropped)];
            findings.Add(new CleaningFinding(
                CleaningFindingKind.RowsDropped,
                rows.Action,
                null,
                $"cleaning dropped {report.RowsDropped} of {report.RowsRead} rows ({Percent(dropped)}), above the change guard's {Percent(rows.MaxShare)}: {Describe(steps)}{Hint(rows, "dataRules.changeGuard")}")
            { Share = dropped, Limit = rows.MaxShare, Steps = steps });
        }

        foreach (ColumnCleaning column in report.Columns.Where(c => c.Present > 0))
        {
            ChangeGuard guard = spec.DataRules.GuardOf(column.Column);
            double share = (double)column.Changed / column.Present;
            if (share > guard.MaxShare)
            {
                CleaningStep[] steps = [.. report.Steps.Where(s => s.Column == column.Column && ValueChanges.Contains(s.Action))];
                findings.Add(new CleaningFinding(
                    CleaningFindingKind.ColumnChanged,
                    guard.Action,
                    column.Column,
                    $"cleaning nulled out or changed {column.Changed} of {column.Present} present values ({Percent(share)}) of column '{column.Column}', above its change guard's {Percent(guard.MaxShare)}: {Describe(steps)}{Hint(guard, $"the changeGuard of column '{column.Column}'")}")
                { Share = share, Limit = guard.MaxShare, Steps = steps });
            }
        }

        if (report.RowsWritten > 0 && report.Find(spec.Target.Column) is { Constant: true } target)
        {
            string what = spec.Task == ModelTask.Regression ? "value" : "class";
            findings.Add(new CleaningFinding(
                CleaningFindingKind.TargetConstant,
                GuardAction.Fail,
                target.Column,
                target.ConstantValue is { } only
                    ? $"the target '{target.Column}' is left with a single {what} after cleaning: every labelled row holds '{only}'"
                    : $"the target '{target.Column}' has no values left after cleaning"));
        }

        foreach (IGrouping<string, string> source in FeatureSources(spec))
        {
            if (report.RowsWritten > 0 && report.Find(source.Key) is { Constant: true } column)
            {
                string value = column.ConstantValue is { } only ? $"the single value '{only}'" : "no value";
                findings.Add(new CleaningFinding(
                    CleaningFindingKind.FeatureConstant,
                    GuardAction.Warn,
                    column.Column,
                    $"column '{column.Column}', read by feature(s) {string.Join(", ", source.Select(f => $"'{f}'"))}, holds {value} after cleaning: those features carry no information"));
            }
        }

        return new CleaningVerdict(findings);
    }

    /// <summary>Source column → the features reading it, in spec order; the target and the key are not features.</summary>
    private static IEnumerable<IGrouping<string, string>> FeatureSources(ProjectSpec spec) => spec.Features
        .SelectMany(f => FeatureRowEncoder.SourcesOf(f).Select(column => (Column: column, Feature: f.Name)))
        .Where(p => p.Column != spec.Target.Column && p.Column != spec.EntityKey.Column)
        .GroupBy(p => p.Column, p => p.Feature, StringComparer.Ordinal);

    private static string Describe(IEnumerable<CleaningStep> steps) => string.Join("; ", steps.Select(s =>
        $"{s.Rule} {Verb(s.Action)} {s.Count} (e.g. {string.Join(", ", s.Samples.Select(c => $"record {c.Record}: '{c.Before}' → {(c.After is null ? "row dropped" : $"'{c.After}'")}"))})"));

    private static string Hint(ChangeGuard guard, string where) => guard.Action == GuardAction.Fail
        ? $". If that is intended, raise maxShare or set action Warn in {where}"
        : string.Empty;

    private static string Verb(CleaningAction action) => action switch
    {
        CleaningAction.Normalised => "normalised",
        CleaningAction.NulledOut => "nulled out",
        CleaningAction.Clipped => "clipped",
        CleaningAction.RowDropped => "dropped",
        _ => action.ToString(),
    };

    private static string Percent(double share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
