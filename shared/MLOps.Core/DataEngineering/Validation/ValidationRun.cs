using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.DataEngineering.Profiling;

namespace MLOps.Core.DataEngineering.Validation;

/// <summary>
/// One streaming pass of rules over a dataset: feed it every batch, then <see cref="Complete"/>. Memory is the
/// samples plus whatever a stateful rule (uniqueness) keeps, independent of the number of rows otherwise.
/// </summary>
public sealed class ValidationRun
{
    private readonly DatasetProfile profile;
    private readonly int sampleSize;
    private readonly Check[] checks;
    private bool resolved;

    internal ValidationRun(DatasetProfile profile, IReadOnlyList<DataRule> rules, int sampleSize)
    {
        this.profile = profile;
        this.sampleSize = sampleSize;
        this.checks = rules.Select(r => new Check(r, r.CreateOffenceTest())).ToArray();
    }

    public void Inspect(CsvBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (!this.resolved)
        {
            foreach (Check check in this.checks)
            {
                check.Index = check.Rule.TargetColumn is { } column ? IndexOf(batch.Columns, column) : -1;
            }

            this.resolved = true;
        }

        foreach (CsvRecord record in batch.Records)
        {
            foreach (Check check in this.checks)
            {
                if (check.Test is null || check.Index < 0 || !check.Test(record.Fields[check.Index]))
                {
                    continue;
                }

                check.Offending++;
                if (check.Sample.Count < this.sampleSize)
                {
                    check.Sample.Add(new OffendingRow(record.Number, record.Line, record.Fields[check.Index], record.Fields));
                }
            }
        }
    }

    public QualityReport Complete(string dataset)
    {
        RuleResult[] results = this.checks.Select(this.Result).ToArray();
        return new QualityReport(dataset, this.profile.Rows, QualityReport.StatusOf(results), results);
    }

    private static int IndexOf(IReadOnlyList<string> columns, string column)
    {
        for (int i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private RuleResult Result(Check check)
    {
        DataRule rule = check.Rule;
        string? column = rule.TargetColumn;
        ColumnProfile? profiled = column is null ? null : this.profile.Find(column);
        if (column is not null && profiled is null)
        {
            // A misspelt or dropped column must not pass silently.
            return new RuleResult(rule.Id, rule.DisplayName, rule.Kind, rule.Severity, column, false, $"column '{column}'", "column not found", 0, [])
            {
                ColumnMissing = true,
            };
        }

        RuleVerdict verdict = rule.Judge(this.profile, profiled, check.Offending);
        return new RuleResult(
            rule.Id, rule.DisplayName, rule.Kind, rule.Severity, column, verdict.Passed, verdict.Expected, verdict.Observed, check.Offending, check.Sample);
    }

    private sealed class Check(DataRule rule, Func<string, bool>? test)
    {
        public DataRule Rule { get; } = rule;

        public Func<string, bool>? Test { get; } = test;

        public int Index { get; set; } = -1;

        public long Offending { get; set; }

        public List<OffendingRow> Sample { get; } = [];
    }
}
