using System.Text;

namespace MLOps.Core.FeatureStore.Engineering;

/// <summary>
/// 32-bit FNV-1a over UTF-8. string.GetHashCode is randomised per process, so a hashed feature would land in a
/// different bucket at serving time than in training; this hash is the same on every machine and run.
/// </summary>
public static class StableHash
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    public static uint Fnv1a(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        uint hash = OffsetBasis;
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * Prime);
        }

        return hash;
    }

    /// <summary>The bucket of a value, or of a cross of several values joined by the unit separator.</summary>
    public static int Bucket(IReadOnlyList<string> values, int buckets)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        return (int)(Fnv1a(string.Join('\u001F', values)) % (uint)buckets);
    }
}
