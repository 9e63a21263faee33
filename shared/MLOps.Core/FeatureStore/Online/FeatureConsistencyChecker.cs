using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MLOps.Core.FeatureStore;

/// <summary>
/// Samples keys of a version's offline frames, reads them online and compares every feature exactly (doubles
/// round-trip through Table storage bit for bit; NaN equals NaN).
/// </summary>
/// <remarks>
/// The sample is chosen by key, not by row: a key is in when SHA-256(seed:key) falls below sample/rows, so the
/// same seed picks the same keys whatever the frame sizes, all rows of a duplicated key are in or out together,
/// and the row compared is the one the store keeps (latest event time, else last read).
/// </remarks>
public sealed class FeatureConsistencyChecker(OnlineFeatureStore online)
{
    public async Task<ConsistencyReport> CheckAsync(
        FeatureSetVersion version,
        IAsyncEnumerable<FeatureFrame> frames,
        int sample = 100,
        int seed = 0,
        int maxMismatches = 50,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentOutOfRangeException.ThrowIfLessThan(sample, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxMismatches);
        double rate = version.Rows <= 0 ? 1 : Math.Min(1, (double)sample / version.Rows);
        var picked = new Dictionary<string, (DateTimeOffset? Time, double[] Values)>(StringComparer.Ordinal);
        await foreach (FeatureFrame frame in frames.WithCancellation(cancellationToken))
        {
            FeatureColumn[] columns = [.. version.Features.Select(f => frame.Find(f)
                ?? throw new InvalidDataException($"A frame of {version.Project} v{version.Version} lacks the feature '{f}'."))];
            for (int r = 0; r < frame.Rows; r++)
            {
                string key = frame.Keys[r];
                DateTimeOffset? time = frame.EventTimes?[r];
                if (!InSample(seed, key, rate)
                    || (picked.TryGetValue(key, out var seen) && time is not null && seen.Time is not null && time < seen.Time))
                {
                    continue;
                }

                picked[key] = (time, [.. columns.Select(c => c.Values[r])]);
            }
        }

        IReadOnlyDictionary<string, OnlineFeatureVector> found = await online.GetManyAsync(version.Project, picked.Keys, cancellationToken);
        var mismatches = new List<ConsistencyMismatch>();
        var missing = new List<string>();
        var otherVersion = new List<string>();
        int matched = 0, mismatchCount = 0;
        foreach ((string key, (_, double[] offline)) in picked.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!found.TryGetValue(key, out OnlineFeatureVector? vector))
            {
                missing.Add(key);
                continue;
            }

            if (vector.Version != version.Version)
            {
                otherVersion.Add(key);
                continue;
            }

            bool equal = true;
            for (int f = 0; f < offline.Length; f++)
            {
                double? value = vector.Values.TryGetValue(version.Features[f], out double v) ? v : null;
                if (value is null || !Same(offline[f], value.Value))
                {
                    equal = false;
                    mismatchCount++;
                    if (mismatches.Count < maxMismatches)
                    {
                        mismatches.Add(new ConsistencyMismatch(key, version.Features[f], offline[f], value));
                    }
                }
            }

            matched += equal ? 1 : 0;
        }

        return new ConsistencyReport(version.Project, version.Version, picked.Count, matched, mismatchCount, mismatches, missing, otherVersion);
    }

    internal static bool InSample(int seed, string key, double rate)
    {
        if (rate >= 1)
        {
            return true;
        }

        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{key}"));
        ulong draw = BinaryPrimitives.ReadUInt64BigEndian(hash);
        return draw / (double)ulong.MaxValue < rate;
    }

    private static bool Same(double offline, double online) =>
        (double.IsNaN(offline) && double.IsNaN(online)) || offline.Equals(online);
}
