using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using MLOps.Core.Requirements;

namespace MLOps.Core.FeatureStore.Holdout;

/// <summary>
/// Decides the holdout of a stream of cleaned rows, given in file order: <see cref="Add"/> each row's key, label
/// and event time, then <see cref="Decide"/>. The rules (see <see cref="HoldoutStrategy"/>) use nothing but
/// those three values, so they can be rebuilt outside .NET; a labelled row's membership depends on the whole
/// set (its rank), which is why the split is decided after one pass and applied in a later one.
/// </summary>
public sealed class HoldoutSplitter
{
    private readonly HoldoutStrategy strategy;
    private readonly double fraction;
    private readonly int seed;
    private readonly Dictionary<string, int> classes = new(StringComparer.Ordinal);

    // Per row, in file order: the class index (-1: no label) and the sort key of the strategy.
    private readonly List<int> labels = [];
    private readonly List<UInt128> hashes = [];
    private readonly List<(long Ticks, string Key)> times = [];

    public HoldoutSplitter(HoldoutSpec rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        this.strategy = rule.Strategy ?? throw new ArgumentException("Resolve the holdout rule first (HoldoutSpec.Resolve).", nameof(rule));
        this.fraction = rule.Fraction is > 0 and < 1
            ? rule.Fraction
            : throw new ArgumentOutOfRangeException(nameof(rule), rule.Fraction, "The holdout fraction must lie strictly between 0 and 1.");
        this.seed = rule.Seed;
    }

    public long Rows => this.labels.Count;

    /// <summary>Whether the row added at this position (from 0) has a label, i.e. is in one of the two parts.</summary>
    public bool IsLabelled(int row) => this.labels[row] >= 0;

    public void Add(string key, string? label, DateTimeOffset? eventTime)
    {
        ArgumentNullException.ThrowIfNull(key);
        int @class = -1;
        if (label is not null)
        {
            if (!this.classes.TryGetValue(label, out @class))
            {
                @class = this.classes.Count;
                this.classes.Add(label, @class);
            }
        }

        this.labels.Add(@class);
        if (this.strategy == HoldoutStrategy.TimeOrdered)
        {
            this.times.Add((eventTime?.UtcTicks ?? throw new ArgumentException($"The row with key '{key}' has no event time; TimeOrdered needs one.", nameof(eventTime)), key));
        }
        else
        {
            this.hashes.Add(Hash(this.seed, key));
        }
    }

    /// <summary>The holdout membership of every row added, in the order added, and the split's record.</summary>
    public (bool[] Holdout, HoldoutSplit Split) Decide()
    {
        var holdout = new bool[this.labels.Count];
        int[] labelled = [.. Enumerable.Range(0, this.labels.Count).Where(r => this.labels[r] >= 0)];
        IEnumerable<int[]> groups = this.strategy == HoldoutStrategy.Stratified
            ? labelled.GroupBy(r => this.labels[r]).Select(g => g.ToArray())
            : [labelled];
        long held = 0;
        foreach (int[] group in groups)
        {
            int take = (int)Math.Round(group.Length * this.fraction, MidpointRounding.ToEven);
            foreach (int row in this.Ordered(group).Take(take))
            {
                holdout[row] = true;
                held++;
            }
        }

        return (holdout, new HoldoutSplit(this.strategy, this.fraction, this.seed, labelled.Length, held));
    }

    /// <summary>
    /// The first 128 bits of SHA-256("{seed}:{key}") as a big-endian number, so ascending numbers are ascending hex
    /// digests (two keys sharing 128 bits of digest are, in practice, the same key, and fall back to file order).
    /// </summary>
    public static UInt128 Hash(int seed, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{seed.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{key}"), digest);
        return BinaryPrimitives.ReadUInt128BigEndian(digest);
    }

    /// <summary>The rows of one group in the order the rule takes holdout rows from: first hash first, or latest first.</summary>
    private IEnumerable<int> Ordered(int[] rows)
    {
        if (this.strategy != HoldoutStrategy.TimeOrdered)
        {
            return rows.OrderBy(r => this.hashes[r]).ThenBy(r => r);
        }

        return rows
            .OrderByDescending(r => this.times[r].Ticks)
            .ThenByDescending(r => this.times[r].Key, StringComparer.Ordinal)
            .ThenByDescending(r => r);
    }
}
