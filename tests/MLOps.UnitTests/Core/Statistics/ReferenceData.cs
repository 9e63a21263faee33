using System.Globalization;
using MLOps.UnitTests.Core.Requirements;

namespace MLOps.UnitTests.Core.Statistics;

/// <summary>
/// Columns of the bundled data for the reference comparisons. The expected constants in the statistics tests
/// come from <c>/usr/bin/python3 tests/reference/requirements_reference.py</c> (run from the repository root;
/// Debian python3-numpy 1.24.2, python3-scipy 1.10.1, python3-sklearn 1.2.1, python3-pandas 1.5.3).
/// </summary>
internal static class ReferenceData
{
    /// <summary>Pairwise complete rows of two credit columns; <paramref name="label"/> is Status == "bad".</summary>
    public static (double[] X, bool[] Bad) CreditVersusBad(string column)
    {
        var pairs = SpecFixtures.CreditData.Rows
            .Select(r => (Value: r[SpecFixtures.CreditData.IndexOf(column)], Status: r[SpecFixtures.CreditData.IndexOf("Status")]))
            .Where(p => p.Value is not null && p.Status is not null)
            .ToArray();
        return (pairs.Select(p => Parse(p.Value!)).ToArray(), pairs.Select(p => p.Status == "bad").ToArray());
    }

    public static (double[] X, double[] Y) Numeric(MLOps.Core.DataEngineering.DataSample data, string x, string y)
    {
        var pairs = data.Rows
            .Select(r => (X: r[data.IndexOf(x)], Y: r[data.IndexOf(y)]))
            .Where(p => p.X is not null && p.Y is not null)
            .ToArray();
        return (pairs.Select(p => Parse(p.X!)).ToArray(), pairs.Select(p => Parse(p.Y!)).ToArray());
    }

    public static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
