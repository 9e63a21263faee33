using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.DataEngineering.Profiling;
using MLOps.Core.DataEngineering.Validation;

namespace MLOps.Core.DataEngineering.Cleaning;

/// <summary>
/// One streaming pass of a cleaning plan: <see cref="Clean"/> each batch in order, then read <see cref="Report"/>.
/// Besides the counts it keeps the first few before/after values of every rule that acted, for the reports and
/// the change guard, and whether each column is left with a single value.
/// </summary>
public sealed class CleaningRun
{
    /// <summary>Before/after cases kept per rule and action.</summary>
    public const int SampleSize = 5;

    private const string DuplicateRule = "rows.duplicate";
    private const int RowTextLimit = 200;

    private readonly bool dropDuplicates;
    private readonly string[] columns;
    private readonly (int Index, string Rule, CategorySpelling Spelling)[] normalise;
    private readonly (int Index, DataRule Rule, RangeRule? Range, InvalidValueAction Action, Func<string, bool> Offends)[] invalid;
    private readonly (int Index, string Rule, string Fill)[] imputations;
    private readonly Counts[] counts;
    private readonly Dictionary<(string Rule, CleaningAction Action), Step> steps = [];
    private readonly List<Step> stepOrder = [];

    // 128 bits of SHA-256 per distinct row: exact-duplicate detection at 16 bytes a row, collisions negligible.
    private readonly HashSet<UInt128> seenRows = [];
    private long rowsRead;
    private long duplicates;
    private long duplicatesDropped;
    private long invalidRows;

    internal CleaningRun(CleaningPlan plan, IReadOnlyList<string> header, IReadOnlyDictionary<string, string> fills)
    {
        this.dropDuplicates = plan.DropDuplicateRows;
        this.columns = [.. header];
        this.normalise = plan.Normalise.Select(n => (this.IndexOf(n.Column), n.Id, n.Spelling())).ToArray();
        this.invalid = plan.InvalidValues
            .Select(r => (this.IndexOf(r.Rule.TargetColumn!), r.Rule, r.Rule as RangeRule, r.Action, r.Rule.CreateOffenceTest()!))
            .ToArray();
        this.imputations = plan.Imputations.Select(i => (this.IndexOf(i.Column), $"{i.Column}.impute", fills[i.Column])).ToArray();
        this.counts = header.Select(_ => new Counts()).ToArray();
    }

    public CleaningReport Report => new(
        this.rowsRead,
        this.rowsRead - this.duplicatesDropped - this.invalidRows,
        this.duplicates,
        this.duplicatesDropped,
        this.invalidRows,
        this.columns.Select((c, i) => this.counts[i].ToReport(c, this.imputations.Where(m => m.Index == i).Select(m => m.Fill).FirstOrDefault())).ToArray(),
        this.stepOrder.Select(s => new CleaningStep(s.Rule, s.Column, s.Action, s.Count, [.. s.Samples])).ToArray());

    public CsvBatch Clean(CsvBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var kept = new List<CsvRecord>(batch.Records.Count);
        foreach (CsvRecord record in batch.Records)
        {
            this.rowsRead++;
            if (!this.seenRows.Add(RowHash(record.Fields)))
            {
                this.duplicates++;
                string row = RowText(record.Fields);
                if (this.dropDuplicates)
                {
                    this.duplicatesDropped++;
                    this.Note(DuplicateRule, null, CleaningAction.RowDropped, record.Number, row, null);
                    continue;
                }

                this.Note(DuplicateRule, null, CleaningAction.DuplicateKept, record.Number, row, row);
            }

            if (this.CleanRow(record.Number, record.Fields, out _) is { } fields)
            {
                kept.Add(record with { Fields = fields });
            }
        }

        return new CsvBatch(batch.Columns, kept);
    }

    /// <summary>
    /// Cleans one record on its own, as <see cref="Clean"/> cleans each record of a batch but without looking for
    /// duplicates (a property of a data set, not of a record): what a model package's contract does to a record
    /// to be scored. Null when a rule drops the row; <paramref name="droppedBy"/> then names the rule's column.
    /// </summary>
    public string[]? CleanRecord(CsvRecord record, out string? droppedBy)
    {
        ArgumentNullException.ThrowIfNull(record);
        this.rowsRead++;
        string[]? fields = this.CleanRow(record.Number, record.Fields, out int dropped);
        droppedBy = dropped >= 0 ? this.columns[dropped] : null;
        return fields;
    }

    private static UInt128 RowHash(IReadOnlyList<string> fields)
    {
        // Length-prefixed fields, so ("a,b") and ("a", "b") cannot hash alike.
        int size = fields.Sum(f => 4 + Encoding.UTF8.GetByteCount(f));
        byte[] buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            int at = 0;
            foreach (string field in fields)
            {
                int length = Encoding.UTF8.GetBytes(field, buffer.AsSpan(at + 4));
                BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(at), length);
                at += 4 + length;
            }

            Span<byte> digest = stackalloc byte[32];
            SHA256.HashData(buffer.AsSpan(0, at), digest);
            return BinaryPrimitives.ReadUInt128LittleEndian(digest);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string RowText(IReadOnlyList<string> fields)
    {
        string text = string.Join(",", fields);
        return text.Length <= RowTextLimit ? text : string.Concat(text.AsSpan(0, RowTextLimit), "…");
    }

    private string[]? CleanRow(long record, IReadOnlyList<string> original, out int droppedBy)
    {
        droppedBy = -1;
        string[] fields = [.. original];
        foreach ((int i, _, CategorySpelling spelling) in this.normalise)
        {
            // A value outside the allowed set stays as it is, for the allowed-values rule to null out or drop.
            if (!MissingValues.IsMissing(fields[i]) && spelling.Clean(fields[i]) is { } cleaned)
            {
                fields[i] = cleaned;
            }
        }

        // Drop-row rules first: a row that goes is counted once, as dropped, and changes nothing else.
        foreach ((int index, DataRule rule, _, InvalidValueAction action, Func<string, bool> offends) in this.invalid)
        {
            if (action == InvalidValueAction.DropRow && offends(fields[index]))
            {
                this.invalidRows++;
                this.Note(rule.Id, this.columns[index], CleaningAction.RowDropped, record, original[index], null);
                droppedBy = index;
                return null;
            }
        }

        for (int i = 0; i < fields.Length; i++)
        {
            this.counts[i].Present += MissingValues.IsMissing(original[i]) ? 0 : 1;
        }

        foreach ((int i, string rule, _) in this.normalise)
        {
            if (!string.Equals(fields[i], original[i], StringComparison.Ordinal))
            {
                this.counts[i].Normalised++;
                this.Note(rule, this.columns[i], CleaningAction.Normalised, record, original[i], fields[i]);
            }
        }

        foreach ((int index, DataRule rule, RangeRule? range, InvalidValueAction action, Func<string, bool> offends) in this.invalid)
        {
            if (action == InvalidValueAction.DropRow || !offends(fields[index]))
            {
                continue;
            }

            string before = fields[index];
            if (action == InvalidValueAction.Clip && ValueParsing.TryReal(before, out double value))
            {
                fields[index] = ValueParsing.Format(range!.Clip(value));
                this.counts[index].Clipped++;
                this.Note(rule.Id, this.columns[index], CleaningAction.Clipped, record, before, fields[index]);
            }
            else
            {
                fields[index] = string.Empty;
                this.counts[index].NulledOut++;
                this.Note(rule.Id, this.columns[index], CleaningAction.NulledOut, record, before, string.Empty);
            }
        }

        foreach ((int index, string rule, string fill) in this.imputations)
        {
            if (MissingValues.IsMissing(fields[index]))
            {
                this.Note(rule, this.columns[index], CleaningAction.Imputed, record, fields[index], fill);
                fields[index] = fill;
                this.counts[index].Imputed++;
            }
        }

        for (int i = 0; i < fields.Length; i++)
        {
            this.counts[i].See(fields[i]);
        }

        return fields;
    }

    private void Note(string rule, string? column, CleaningAction action, long record, string before, string? after)
    {
        if (!this.steps.TryGetValue((rule, action), out Step? step))
        {
            step = new Step(rule, column, action);
            this.steps[(rule, action)] = step;
            this.stepOrder.Add(step);
        }

        step.Count++;
        if (step.Samples.Count < SampleSize)
        {
            step.Samples.Add(new ValueChange(record, before, after));
        }
    }

    private int IndexOf(string column)
    {
        int index = Array.IndexOf(this.columns, column);
        return index >= 0 ? index : throw new ArgumentException($"Column '{column}' is not in the header.", nameof(column));
    }

    private sealed class Step(string rule, string? column, CleaningAction action)
    {
        public string Rule { get; } = rule;

        public string? Column { get; } = column;

        public CleaningAction Action { get; } = action;

        public long Count { get; set; }

        public List<ValueChange> Samples { get; } = [];
    }

    private sealed class Counts
    {
        private string? first;
        private bool varies;

        public long Present { get; set; }

        public long Normalised { get; set; }

        public long NulledOut { get; set; }

        public long Clipped { get; set; }

        public long Imputed { get; set; }

        public long MissingAfter { get; private set; }

        /// <summary>Notes a value as written, to tell whether the column is left constant.</summary>
        public void See(string value)
        {
            if (MissingValues.IsMissing(value))
            {
                this.MissingAfter++;
            }
            else if (this.first is null)
            {
                this.first = value;
            }
            else if (!this.varies && !string.Equals(this.first, value, StringComparison.Ordinal))
            {
                this.varies = true;
            }
        }

        public ColumnCleaning ToReport(string column, string? fill) => new(
            column, this.Present, this.Normalised, this.NulledOut, this.Clipped, this.Imputed, fill,
            this.MissingAfter, !this.varies, this.varies ? null : this.first);
    }
}
