namespace MLOps.Core.Statistics;

/// <summary>Argument checks shared by the statistics: paired inputs of equal length without NaN.</summary>
internal static class SampleGuard
{
    public static void Paired<TX, TY>(IReadOnlyList<TX> x, IReadOnlyList<TY> y, string xName, string yName)
    {
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"{xName} has {x.Count} values but {yName} has {y.Count}.", yName);
        }
    }

    // Missing values must be dropped by the caller: silently ranking NaN would decide the result by sort order.
    public static void NoNaN(IReadOnlyList<double> values, string name)
    {
        if (values.Any(double.IsNaN))
        {
            throw new ArgumentException("Drop missing values before computing statistics; found NaN.", name);
        }
    }
}
