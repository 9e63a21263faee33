using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.DataEngineering.Profiling;
using MLOps.Core.DataEngineering.Validation;

namespace MLOps.Core.DataEngineering.Cleaning;

/// <summary>
/// Applies a <see cref="CleaningPlan"/> to streamed rows. Imputation values come from the dataset's profile,
/// so one pass over the rows suffices; nothing depends on hashing order or randomness, so the same input and
/// profile give the same output rows byte for byte.
/// </summary>
public sealed class DataCleaner
{
    private readonly CleaningPlan plan;

    public DataCleaner(CleaningPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        foreach (InvalidValueRule rule in plan.InvalidValues)
        {
            if (rule.Rule.TargetColumn is null || rule.Rule.CreateOffenceTest() is null)
            {
                throw new ArgumentException($"Rule '{rule.Rule.Id}' does not test column values, so it cannot clean them.", nameof(plan));
            }

            if (rule.Action == InvalidValueAction.Clip && rule.Rule is not RangeRule)
            {
                throw new ArgumentException($"Rule '{rule.Rule.Id}' is not a range rule, so values cannot be clipped to it.", nameof(plan));
            }
        }

        this.plan = plan;
    }

    public CleaningRun Start(IReadOnlyList<string> columns, DatasetProfile profile)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(profile);
        var fills = this.plan.Imputations.ToDictionary(
            i => i.Column,
            i => FillValue(i, profile, this.plan.Normalise.FirstOrDefault(n => n.Column == i.Column)?.Spelling()),
            StringComparer.Ordinal);
        return new CleaningRun(this.plan, columns, fills);
    }

    public async Task<CleaningReport> CleanAsync(
        IReadOnlyList<string> columns,
        DatasetProfile profile,
        IAsyncEnumerable<CsvBatch> rows,
        Func<CsvBatch, CancellationToken, Task> sink,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(sink);
        CleaningRun run = this.Start(columns, profile);
        await foreach (CsvBatch batch in rows.WithCancellation(cancellationToken))
        {
            await sink(run.Clean(batch), cancellationToken);
        }

        return run.Report;
    }

    private static string FillValue(ImputeRule rule, DatasetProfile profile, CategorySpelling? spelling)
    {
        if (rule.Strategy == ImputeStrategy.Constant)
        {
            return rule.Constant ?? throw new ArgumentException($"Imputing '{rule.Column}' with a constant needs the constant.", nameof(rule));
        }

        ColumnProfile column = profile.Find(rule.Column)
            ?? throw new ArgumentException($"Column '{rule.Column}' is not in the profile.", nameof(profile));
        if (rule.Strategy == ImputeStrategy.Median)
        {
            double median = column is { IsNumeric: true, Quantiles: { } q }
                ? q.P50
                : throw new InvalidOperationException($"Column '{rule.Column}' is {column.Type}; a median needs numbers.");
            return ValueParsing.Format(column.Type == ColumnType.Integer ? Math.Round(median, MidpointRounding.ToEven) : median);
        }

        // The mode of the spellings as cleaning will write them, from the profile's top values; a value that
        // normalisation matches to no allowed value will be nulled out, so it cannot be the fill.
        return column.TopValues
            .Select(v => new ValueCount(spelling is null ? v.Value : spelling.Clean(v.Value) ?? string.Empty, v.Count))
            .GroupBy(v => v.Value, StringComparer.Ordinal)
            .Where(g => !MissingValues.IsMissing(g.Key))
            .Select(g => new ValueCount(g.Key, g.Sum(v => v.Count)))
            .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)
            .FirstOrDefault()?.Value
            ?? throw new InvalidOperationException($"Column '{rule.Column}' has no values to take a mode of.");
    }
}
