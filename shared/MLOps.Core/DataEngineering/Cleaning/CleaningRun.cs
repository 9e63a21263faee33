using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.DataEngineering.Profiling;
using MLOps.Core.DataEngineering.Validation;

namespace MLOps.Core.DataEngineering.Cleaning;

/// <summary>One streaming pass of a cleaning plan: <see cref="Clean"/> each batch in order, then read <see cref="Report"/>.</summary>
public sealed class CleaningRun
{
    private readonly bool dropDuplicates;
    private readonly string[] columns;
    private readonly int[] normalise;
    private readonly (int Index, RangeRule? Range, InvalidValueAction Action, Func<string, bool> Offends)[] invalid;
    private readonly (int Index, string Fill)[] imputations;
    private readonly Counts[] counts;

    // 128 bits of SHA-256 per distinct row: exact-duplicate detection at 16 bytes a row, collisions negligible.
    private readonly HashSet<UInt128> seenRows = [];
    private long rowsRead;
    private long duplicates;
    private long invalidRows;

    internal CleaningRun(CleaningPlan plan, IReadOnlyList<string> header, IReadOnlyDictionary<string, string> fills)
    {
        this.dropDuplicates = plan.DropDuplicateRows;
        this.columns = [.. header];
        this.normalise = plan.NormaliseColumns.Select(this.IndexOf).ToArray();
        this.invalid = plan.InvalidValues
            .Select(r => (this.IndexOf(r.Rule.TargetColumn!), r.Rule as RangeRule, r.Action, r.Rule.CreateOffenceTest()!))
            .ToArray();
        this.imputations = plan.Imputations.Select(i => (this.IndexOf(i.Column), fills[i.Column])).ToArray();
        this.counts = header.Select(_ => new Counts()).ToArray();
    }

    public CleaningReport Report => new(
        this.rowsRead,
        this.rowsRead - this.duplicates - this.invalidRows,
        this.duplicates,
        this.invalidRows,
        this.columns.Select((c, i) => new ColumnCleaning(
            c, this.counts[i].Normalised, this.counts[i].NulledOut, this.counts[i].Clipped, this.counts[i].Imputed,
            this.imputations.Where(m => m.Index == i).Select(m => m.Fill).FirstOrDefault())).ToArray());

    public CsvBatch Clean(CsvBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var kept = new List<CsvRecord>(batch.Records.Count);
        foreach (CsvRecord record in batch.Records)
        {
            this.rowsRead++;
            if (this.dropDuplicates && !this.seenRows.Add(RowHash(record.Fields)))
            {
                this.duplicates++;
                continue;
            }

            if (this.CleanRow(record.Fields) is { } fields)
            {
                kept.Add(record with { Fields = fields });
            }
        }

        return new CsvBatch(batch.Columns, kept);
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

    private string[]? CleanRow(IReadOnlyList<string> original)
    {
        string[] fields = [.. original];
        foreach (int i in this.normalise)
        {
            fields[i] = SpellingNormaliser.Normalise(fields[i]);
        }

        // Drop-row rules first: a row that goes is counted once, as dropped, and changes nothing else.
        foreach ((int index, _, InvalidValueAction action, Func<string, bool> offends) in this.invalid)
        {
            if (action == InvalidValueAction.DropRow && offends(fields[index]))
            {
                this.invalidRows++;
                return null;
            }
        }

        foreach (int i in this.normalise)
        {
            this.counts[i].Normalised += string.Equals(fields[i], original[i], StringComparison.Ordinal) ? 0 : 1;
        }

        foreach ((int index, RangeRule? range, InvalidValueAction action, Func<string, bool> offends) in this.invalid)
        {
            if (action == InvalidValueAction.DropRow || !offends(fields[index]))
            {
                continue;
            }

            if (action == InvalidValueAction.Clip && ValueParsing.TryReal(fields[index], out double value))
            {
                fields[index] = ValueParsing.Format(range!.Clip(value));
                this.counts[index].Clipped++;
            }
            else
            {
                fields[index] = string.Empty;
                this.counts[index].NulledOut++;
            }
        }

        foreach ((int index, string fill) in this.imputations)
        {
            if (MissingValues.IsMissing(fields[index]))
            {
                fields[index] = fill;
                this.counts[index].Imputed++;
            }
        }

        return fields;
    }

    private int IndexOf(string column)
    {
        int index = Array.IndexOf(this.columns, column);
        return index >= 0 ? index : throw new ArgumentException($"Column '{column}' is not in the header.", nameof(column));
    }

    private sealed class Counts
    {
        public long Normalised { get; set; }

        public long NulledOut { get; set; }

        public long Clipped { get; set; }

        public long Imputed { get; set; }
    }
}
