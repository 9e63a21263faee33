using MLOps.Core.Monitoring.Statistics;

namespace MLOps.UnitTests.Core.Monitoring;

/// <summary>
/// Expected values from <c>/usr/bin/python3 tests/reference/drift_reference.py</c> (numpy 1.24.2, scipy 1.10.1):
/// scipy.stats.ks_2samp(method='auto') and scipy.stats.kstwo.sf.
/// </summary>
public sealed class KolmogorovSmirnovTests
{
    public static TheoryData<string, double, double, bool> TwoSampleCases => new()
    {
        { "TiesSmall", 0.075, 0.9976993565737106, true },
        { "Equal50", 0.26, 0.06779471096995852, true },
        { "ExactTinyP", 0.6755555555555556, 1.1189510677378856e-78, true },
        { "ExactNull", 0.0206, 0.9172144745923516, true },
        { "Exact10000", 0.052585714285714284, 0.0517093620379475, true },
        { "AsymptoticNull", 0.017749999999999988, 0.9688255798249326, false },
        { "AsymptoticShift", 0.1103333333333334, 2.086649994166945e-08, false },
        { "AsymptoticSmallN", 0.08574999999999999, 0.4362326079437765, false },
        { "ConstantSame", 0.0, 1.0, true },
        { "ConstantVsSpread", 0.5, 8.852770944673702e-05, true },
    };

    [Theory]
    [MemberData(nameof(TwoSampleCases))]
    public void Two_sample_test_matches_scipy_ks_2samp(string name, double statistic, double pValue, bool exact)
    {
        (double[] reference, double[] current) = Samples(name);

        KolmogorovSmirnovResult result = KolmogorovSmirnovTest.Compute(reference, current);

        DriftAssert.Close(statistic, result.Statistic, what: $"{name} D");
        DriftAssert.Close(pValue, result.PValue, what: $"{name} p");
        Assert.Equal(exact, result.Exact);
    }

    [Fact]
    public void Sample_order_does_not_matter_and_the_test_is_symmetric()
    {
        double[] a = DriftSamples.Smooth(120, 31), b = DriftSamples.Smooth(90, 32, 0.2);

        KolmogorovSmirnovResult forward = KolmogorovSmirnovTest.Compute(a, b);

        Assert.Equal(forward, KolmogorovSmirnovTest.Compute([.. a.Reverse()], [.. b.Reverse()]));
        Assert.Equal(forward, KolmogorovSmirnovTest.Compute(b, a));
    }

    [Fact]
    public void Missing_values_are_refused_rather_than_ranked()
    {
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnovTest.Compute([1, double.NaN], [1, 2]));
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnovTest.Compute([], [1, 2]));
    }

    // (n, x, scipy.stats.kstwo.sf(x, n)); the grid visits every branch of the method selection.
    public static TheoryData<int, double, double> KolmogorovGrid => new()
    {
        { 1, 0.3, 1.0 }, { 2, 0.2, 1.0 }, { 2, 0.7, 0.18000000000000005 }, { 5, 0.15, 0.9988 }, { 5, 0.5, 0.112 },
        { 5, 0.9, 1.9999999999999978e-05 }, { 10, 0.05, 1.0 }, { 10, 0.12, 0.9948566839762616 },
        { 10, 0.25, 0.4841115325000003 }, { 10, 0.4, 0.05898924519999926 }, { 10, 0.8, 2.207999999999995e-07 },
        { 50, 0.01, 1.0 }, { 50, 0.05, 0.9990238098461883 }, { 50, 0.1, 0.6623112704658186 },
        { 50, 0.2, 0.03143877776953241 }, { 50, 0.3, 0.00017353260202718738 }, { 100, 0.08, 0.5182193645480672 },
        { 100, 0.15, 0.019839242125643017 }, { 140, 0.05, 0.857648029765611 }, { 140, 0.12, 0.03252638258561632 },
        { 140, 0.25, 3.391572437071032e-08 }, { 141, 0.003, 1.0 }, { 141, 0.02, 0.9999999744561288 },
        { 141, 0.06, 0.6677160791348915 }, { 141, 0.1, 0.11128445516467944 }, { 141, 0.2, 2.0276784223976912e-05 },
        { 500, 0.01, 0.9999999991073389 }, { 500, 0.03, 0.7473166700457021 }, { 500, 0.05, 0.15866260223815365 },
        { 500, 0.07, 0.01416832020019071 }, { 750, 0.012, 0.9998784177875836 }, { 750, 0.02, 0.9191006429786927 },
        { 750, 0.06, 0.008655006283346502 }, { 1000, 0.0004, 1.0 }, { 1000, 0.0008, 1.0 },
        { 5000, 0.005, 0.9995858441477996 }, { 5000, 0.012, 0.4639912166690191 }, { 5000, 0.02, 0.03613941395325637 },
        { 20000, 0.004, 0.9048968240702959 }, { 20000, 0.006, 0.4657689508612476 },
        { 150000, 0.001, 0.9982358422822605 }, { 150000, 0.003, 0.1341018124495077 },
        { 200, 0.55, 2.4230394395968485e-57 }, { 200, 0.996, 0.0 }, { 300, 0.3, 1.92786406567219e-24 },
    };

    [Theory]
    [MemberData(nameof(KolmogorovGrid))]
    public void Kolmogorov_distribution_matches_scipy_kstwo(int n, double x, double survival) =>
        DriftAssert.Close(survival, KolmogorovDistribution.Survival(n, x), what: $"kstwo.sf({x}, {n})");

    private static (double[] Reference, double[] Current) Samples(string name) => name switch
    {
        "TiesSmall" => (DriftSamples.Ints(40, 7, 3, 13), DriftSamples.Ints(55, 5, 1, 11, 1)),
        "Equal50" => (DriftSamples.Smooth(50, 1), DriftSamples.Smooth(50, 2, 0.3)),
        "ExactTinyP" => (DriftSamples.Smooth(300, 3), DriftSamples.Smooth(450, 4, 1.0)),
        "ExactNull" => (DriftSamples.Smooth(1000, 5), DriftSamples.Smooth(2500, 6)),
        "Exact10000" => (DriftSamples.Smooth(700, 21), DriftSamples.Smooth(10000, 22, 0.05)),
        "AsymptoticNull" => (DriftSamples.Smooth(800, 7), DriftSamples.Smooth(12000, 8)),
        "AsymptoticShift" => (DriftSamples.Smooth(800, 9), DriftSamples.Smooth(12000, 10, 0.15)),
        "AsymptoticSmallN" => (DriftSamples.Smooth(100, 11), DriftSamples.Smooth(12000, 12, 0.1)),
        "ConstantSame" => (Enumerable.Repeat(2.0, 35).ToArray(), Enumerable.Repeat(2.0, 40).ToArray()),
        "ConstantVsSpread" => (new double[35], DriftSamples.Smooth(40, 13)),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
