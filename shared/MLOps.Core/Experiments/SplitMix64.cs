namespace MLOps.Core.Experiments;

/// <summary>
/// Vigna's SplitMix64. Used only to expand a seed into xoshiro state and to mix seed with a stream number,
/// because it turns nearby inputs (seed 1, seed 2) into unrelated outputs.
/// </summary>
internal static class SplitMix64
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>Advances <paramref name="state"/> and returns the next output.</summary>
    public static ulong Next(ref ulong state)
    {
        state += Golden;
        return Mix(state);
    }

    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
