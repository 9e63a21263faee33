namespace MLOps.Core.Experiments;

/// <summary>
/// xoshiro256** with an explicit algorithm, so proposals replay identically on every .NET version
/// (System.Random(seed) makes no such promise). Each trial draws from its own stream, derived from
/// (seed, trial number), so a proposal never depends on how many trials were asked for in one batch.
/// </summary>
public sealed class SeededRandom
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    public SeededRandom(long seed)
        : this(seed, 0)
    {
    }

    public SeededRandom(long seed, long stream)
    {
        ulong state = SplitMix64.Mix((ulong)seed) ^ SplitMix64.Mix(~(ulong)stream);
        this.s0 = SplitMix64.Next(ref state);
        this.s1 = SplitMix64.Next(ref state);
        this.s2 = SplitMix64.Next(ref state);
        this.s3 = SplitMix64.Next(ref state);
    }

    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(this.s1 * 5, 7) * 9;
        ulong t = this.s1 << 17;
        this.s2 ^= this.s0;
        this.s3 ^= this.s1;
        this.s1 ^= this.s2;
        this.s0 ^= this.s3;
        this.s2 ^= t;
        this.s3 = ulong.RotateLeft(this.s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) from the top 53 bits: exact in a double, no rounding up to 1.</summary>
    public double NextDouble() => (this.NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>) without modulo bias (Lemire's method).</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        ulong range = (ulong)maxExclusive;
        ulong high = Math.BigMul(this.NextUInt64(), range, out ulong low);
        if (low < range)
        {
            ulong threshold = (0UL - range) % range;
            while (low < threshold)
            {
                high = Math.BigMul(this.NextUInt64(), range, out low);
            }
        }

        return (int)high;
    }

    /// <summary>Standard normal by Box–Muller; one draw per call keeps the stream position easy to reason about.</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - this.NextDouble();
        double u2 = this.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
