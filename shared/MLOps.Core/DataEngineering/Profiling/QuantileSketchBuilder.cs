namespace MLOps.Core.DataEngineering.Profiling;

/// <summary>The mutable working form of a <see cref="QuantileSketch"/>, so adding a value does not copy the state.</summary>
internal sealed class QuantileSketchBuilder(int capacity, int exactLimit)
{
    private readonly List<List<double>> levels = [];
    private List<double>? exact = [];
    private long count;

    public void Add(double value)
    {
        this.count++;
        if (this.exact is not null)
        {
            this.exact.Add(value);
            if (this.exact.Count > exactLimit)
            {
                this.Spill();
                this.Compact();
            }

            return;
        }

        this.Level(0).Add(value);
        if (this.levels[0].Count >= capacity)
        {
            this.Compact();
        }
    }

    public void Merge(QuantileSketch other)
    {
        this.count += other.Count;
        if (this.exact is not null && other.IsExact && this.exact.Count + other.Exact.Count <= exactLimit)
        {
            this.exact.AddRange(other.Exact);
            return;
        }

        this.Spill();
        this.Level(0).AddRange(other.Exact);
        for (int h = 0; h < other.Levels.Count; h++)
        {
            this.Level(h).AddRange(other.Levels[h]);
        }

        this.Compact();
    }

    public QuantileSketch Build() => new(
        this.count,
        capacity,
        exactLimit,
        this.exact?.ToArray() ?? [],
        this.levels.Select(level => (IReadOnlyList<double>)level.ToArray()).ToArray());

    private void Spill()
    {
        if (this.exact is not null)
        {
            this.Level(0).AddRange(this.exact);
            this.exact = null;
        }
    }

    private List<double> Level(int h)
    {
        while (this.levels.Count <= h)
        {
            this.levels.Add([]);
        }

        return this.levels[h];
    }

    private void Compact()
    {
        for (int h = 0; h < this.levels.Count; h++)
        {
            List<double> level = this.levels[h];
            if (level.Count < capacity)
            {
                continue;
            }

            level.Sort();

            // An odd item stays behind so weights stay whole; the offset alternates with the stream position so
            // repeated compactions do not all drop the smaller item of each pair.
            int paired = level.Count - (level.Count % 2);
            int offset = (int)((this.count >> h) & 1);
            List<double> up = this.Level(h + 1);
            for (int i = offset; i < paired; i += 2)
            {
                up.Add(level[i]);
            }

            double? leftover = paired < level.Count ? level[^1] : null;
            level.Clear();
            if (leftover is double kept)
            {
                level.Add(kept);
            }
        }
    }
}
