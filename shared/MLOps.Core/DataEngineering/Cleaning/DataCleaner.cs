using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.DataEngineering.Validation;

namespace MLOps.Core.DataEngineering.Cleaning;

/// <summary>
/// Applies a <see cref="CleaningPlan"/> to streamed rows. Imputation values are given, fitted on the training
/// rows by the feature store (<c>FeatureEngineer.FitImputations</c>), so one pass over the rows suffices; nothing
/// depends on hashing order or randomness, so the same input and fills give the same output rows byte for byte.
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

    /// <param name="columns">The header of the rows.</param>
    /// <param name="fills">Column → fill value for every Median or Mode imputation of the plan (Constant ones use the plan's constant).</param>
    public CleaningRun Start(IReadOnlyList<string> columns, IReadOnlyDictionary<string, string> fills)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(fills);
        var values = this.plan.Imputations.ToDictionary(i => i.Column, i => FillValue(i, fills), StringComparer.Ordinal);
        return new CleaningRun(this.plan, columns, values);
    }

    public async Task<CleaningReport> CleanAsync(
        IReadOnlyList<string> columns,
        IReadOnlyDictionary<string, string> fills,
        IAsyncEnumerable<CsvBatch> rows,
        Func<CsvBatch, CancellationToken, Task> sink,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(sink);
        CleaningRun run = this.Start(columns, fills);
        await foreach (CsvBatch batch in rows.WithCancellation(cancellationToken))
        {
            await sink(run.Clean(batch), cancellationToken);
        }

        return run.Report;
    }

    private static string FillValue(ImputeRule rule, IReadOnlyDictionary<string, string> fills)
    {
        if (rule.Strategy == ImputeStrategy.Constant)
        {
            return rule.Constant ?? throw new ArgumentException($"Imputing '{rule.Column}' with a constant needs the constant.", nameof(rule));
        }

        return fills.TryGetValue(rule.Column, out string? fill)
            ? fill
            : throw new ArgumentException($"No {rule.Strategy} fill value was given for '{rule.Column}'.", nameof(fills));
    }
}
