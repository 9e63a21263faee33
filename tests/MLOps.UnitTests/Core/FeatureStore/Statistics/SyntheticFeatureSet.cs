using System.Globalization;
using MLOps.Core.FeatureStore;

namespace MLOps.UnitTests.Core.FeatureStore.Statistics;

/// <summary>
/// The synthetic feature set of tests/reference/feature_statistics_reference.py, from the same integer
/// formulas: 60 rows, label "bad"/"good", a numeric target, features signal, noise, flag (0/1) and gappy
/// (NaN every fifth row). <c>shift</c> moves the row index and the signal, giving a drifted "previous version".
/// </summary>
internal static class SyntheticFeatureSet
{
    public const int Rows = 60;

    public static readonly string[] Features = ["signal", "noise", "flag", "gappy"];

    /// <summary>The rows in two frames (25 + 35) so the calculator has to stream.</summary>
    public static async IAsyncEnumerable<FeatureFrame> Frames(int shift, bool regression = false)
    {
        await Task.Yield();
        yield return Frame(shift, 0, 25, regression);
        yield return Frame(shift, 25, Rows, regression);
    }

    private static FeatureFrame Frame(int shift, int from, int to, bool regression)
    {
        var keys = new List<string>();
        var labels = new List<string?>();
        double[][] columns = [.. Features.Select(_ => new double[to - from])];
        for (int j = from; j < to; j++)
        {
            int i = j + shift;
            bool bad = (i * 7) % 11 < 4;
            double signal = (((i * 37) % 61) / 10.0) + (bad ? 2.5 : 0.0) + (shift / 20.0);
            double noise = ((i * 53) % 47) / 7.0;
            double flag = (i % 3 == 0) != (bad && i % 2 == 0) ? 1.0 : 0.0;
            double gappy = i % 5 == 0 ? double.NaN : ((i * 11) % 23) + (bad ? 3.0 : 0.0);
            double target = (0.5 * signal) - (0.2 * noise) + (((i * 13) % 17) / 5.0);
            keys.Add($"k{i:D3}");
            labels.Add(regression ? target.ToString("R", CultureInfo.InvariantCulture) : bad ? "bad" : "good");
            double[] row = [signal, noise, flag, gappy];
            for (int f = 0; f < row.Length; f++)
            {
                columns[f][j - from] = row[f];
            }
        }

        return new FeatureFrame(keys, null, labels, [.. Features.Select((name, f) => new FeatureColumn(name, columns[f]))]);
    }
}
