using MLOps.Training.Metrics;
using MLOps.Training.Plots;

namespace MLOps.UnitTests.Training.Plots;

public sealed class RocCurveTests
{
    [Fact]
    public void Points_step_through_each_threshold_and_ties_move_diagonally()
    {
        // Scores .9(+) .8(-) .8(+) .1(-): the tie at .8 moves one FP and one TP at once.
        var points = RocCurve.Points([true, false, true, false], [0.9f, 0.8f, 0.8f, 0.1f]);

        Assert.Equal([(0.0, 0.0), (0.0, 0.5), (0.5, 1.0), (1.0, 1.0)], points);
        Assert.Equal(0.875, RocCurve.Area(points), 12);
    }

    [Fact]
    public void The_area_is_the_auc_the_metrics_report()
    {
        var random = new Random(7);
        bool[] actual = Enumerable.Range(0, 500).Select(_ => random.NextDouble() < 0.3).ToArray();
        float[] scores = actual.Select(a => (float)Math.Round(random.NextDouble() + (a ? 0.3 : 0), 2)).ToArray();

        Assert.Equal(MetricsCalculator.Auc(actual, scores), RocCurve.Area(RocCurve.Points(actual, scores)), 10);
    }

    [Fact]
    public void The_svg_is_self_contained_and_escapes_its_title()
    {
        string svg = RocCurveSvg.Render(RocCurve.Points([true, false], [0.9f, 0.1f]), "<LightGbm> & co");

        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg, StringComparison.Ordinal);
        Assert.Contains("&lt;LightGbm&gt; &amp; co (AUC 1.0000)", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
    }
}
