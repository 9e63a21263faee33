using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.DataEngineering.Profiling;

namespace MLOps.Core.DataEngineering.Validation;

/// <summary>
/// Checks a dataset against declared rules using its profile (types, missing shares, row count) and a second
/// streamed pass over its rows (offending-row counts and samples), producing a <see cref="QualityReport"/>.
/// </summary>
public sealed class DataValidator(int sampleSize = 5)
{
    public ValidationRun Start(DatasetProfile profile, IReadOnlyList<DataRule> rules)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(rules);
        string? duplicate = rules.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
        {
            throw new ArgumentException($"Rule id '{duplicate}' is used more than once.", nameof(rules));
        }

        return new ValidationRun(profile, rules, sampleSize);
    }

    public async Task<QualityReport> ValidateAsync(
        string dataset,
        DatasetProfile profile,
        IReadOnlyList<DataRule> rules,
        IAsyncEnumerable<CsvBatch> rows,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ValidationRun run = this.Start(profile, rules);
        await foreach (CsvBatch batch in rows.WithCancellation(cancellationToken))
        {
            run.Inspect(batch);
        }

        return run.Complete(dataset);
    }
}
