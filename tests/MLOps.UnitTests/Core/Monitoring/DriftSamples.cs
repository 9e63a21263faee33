namespace MLOps.UnitTests.Core.Monitoring;

/// <summary>
/// The samples of <c>tests/reference/drift_reference.py</c>, by the same integer formulas (integers, one division,
/// then the same additions and products in the same order), so C# and numpy hold bit-identical doubles.
/// </summary>
internal static class DriftSamples
{
    private const long Prime = 10007;

    /// <summary>Irwin–Hall(3) − 1.5, shifted and scaled: a bell-shaped sample (the script's <c>smooth</c>).</summary>
    public static double[] Smooth(int n, int seed, double shift = 0.0, double scale = 1.0) =>
        [.. Enumerable.Range(0, n).Select(i => shift + (scale * ((U(i, seed, 7919) + U(i, seed, 3571) + U(i, seed, 6133)) - 1.5)))];

    /// <summary>(i·a + b) mod k + offset: integers with many ties (the script's <c>ints</c>).</summary>
    public static double[] Ints(int n, int a, int b, int k, int offset = 0) =>
        [.. Enumerable.Range(0, n).Select(i => (double)((((long)i * a) + b) % k + offset))];

    private static double U(long i, long seed, long a) => (((i * a) + (seed * 104729) + 17) % Prime) / (double)Prime;
}
