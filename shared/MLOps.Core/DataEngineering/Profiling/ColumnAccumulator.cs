namespace MLOps.Core.DataEngineering.Profiling;

/// <summary>Mutable per-column state while a chunk streams through; emitted as a <see cref="PartialColumnProfile"/>.</summary>
internal sealed class ColumnAccumulator(string name, ProfilerOptions options)
{
    private readonly Dictionary<string, long> values = new(StringComparer.Ordinal);
    private readonly QuantileSketchBuilder quantiles = new(options.SketchCapacity, options.ExactQuantileLimit);
    private long count;
    private long missing;
    private TypeEvidence types = TypeEvidence.Unrefuted;
    private Moments numbers;
    private DateTime? earliest;
    private DateTime? latest;
    private bool truncated;

    public void Add(string raw)
    {
        if (MissingValues.IsMissing(raw))
        {
            this.missing++;
            return;
        }

        this.count++;

        // Once a value refutes a type no later value can restore it, so the parse is skipped from then on.
        bool isBoolean = this.types.AllBoolean && ValueParsing.IsBoolean(raw);
        bool isInteger = this.types.AllInteger && ValueParsing.IsInteger(raw);
        bool isReal = false;
        if (this.types.AllReal && ValueParsing.TryReal(raw, out double number))
        {
            isReal = true;
            this.numbers = this.numbers.Add(number);
            this.quantiles.Add(number);
        }

        bool isDate = false;
        if (this.types.AllDateTime && ValueParsing.TryDateTime(raw, out DateTime date))
        {
            isDate = true;
            this.earliest = this.earliest is { } e && e <= date ? e : date;
            this.latest = this.latest is { } l && l >= date ? l : date;
        }

        this.types = new TypeEvidence(isBoolean, isInteger, isReal, isDate);
        if (this.values.TryGetValue(raw, out long seen))
        {
            this.values[raw] = seen + 1;
        }
        else if (this.values.Count < options.DistinctCap)
        {
            this.values[raw] = 1;
        }
        else
        {
            this.truncated = true;
        }
    }

    public void Merge(PartialColumnProfile other)
    {
        this.count += other.Count;
        this.missing += other.Missing;
        this.types = this.types.Merge(other.Types);
        this.numbers = this.numbers.Merge(other.Numbers);
        this.quantiles.Merge(other.Quantiles);
        this.earliest = Min(this.earliest, other.Earliest);
        this.latest = Max(this.latest, other.Latest);
        this.truncated |= other.ValuesTruncated;
        foreach ((string value, long n) in other.Values)
        {
            this.values[value] = this.values.GetValueOrDefault(value) + n;
        }

        if (this.values.Count > options.DistinctCap)
        {
            // Past the cap keep the most frequent values: top categories stay right for skewed columns.
            string[] dropped = this.values
                .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Skip(options.DistinctCap).Select(kv => kv.Key).ToArray();
            foreach (string value in dropped)
            {
                this.values.Remove(value);
            }

            this.truncated = true;
        }
    }

    public PartialColumnProfile ToPartial() => new(
        name,
        this.count,
        this.missing,
        this.types,
        this.numbers,
        this.earliest,
        this.latest,
        new SortedDictionary<string, long>(this.values, StringComparer.Ordinal),
        this.truncated,
        this.quantiles.Build());

    private static DateTime? Min(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : (a < b ? a : b);

    private static DateTime? Max(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : (a > b ? a : b);
}
