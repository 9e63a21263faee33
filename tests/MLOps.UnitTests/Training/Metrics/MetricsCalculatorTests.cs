using MLOps.Training.Metrics;

namespace MLOps.UnitTests.Training.Metrics;

public class MetricsCalculatorTests
{
    // Expected values from scikit-learn 1.2.1 (/usr/bin/python3):
    //   y=[1,0,1,1,0,0,1,0,1,0]; p=[0.9,0.2,0.65,0.4,0.4,0.55,0.8,0.1,0.3,0.7]; yp=[int(v>=0.5) for v in p]
    //   roc_auc_score(y,p)=0.74  f1_score(y,yp)=0.6  log_loss(y,p)=0.5721360710546316
    //   precision=0.6 recall=0.6 accuracy=0.6 confusion_matrix=[[3,2],[2,3]]
    //   t=[3.0,-0.5,2.0,7.0,4.5]; q=[2.5,0.0,2.0,8.0,4.0]
    //   sqrt(mean_squared_error)=0.5916079783099616  mean_absolute_error=0.5  r2_score=0.9440894568690096
    // Probabilities travel as float, so comparisons allow float rounding.
    [Fact]
    public void Binary_metrics_match_scikit_learn_including_a_tied_score()
    {
        bool[] y = [true, false, true, true, false, false, true, false, true, false];
        float[] p = [0.9f, 0.2f, 0.65f, 0.4f, 0.4f, 0.55f, 0.8f, 0.1f, 0.3f, 0.7f];

        ModelMetrics m = MetricsCalculator.Binary(y, p);

        Assert.Equal(0.74, m.Auc!.Value, 12);
        Assert.Equal(0.6, m.F1!.Value, 12);
        Assert.Equal(0.6, m.Precision!.Value, 12);
        Assert.Equal(0.6, m.Recall!.Value, 12);
        Assert.Equal(0.6, m.Accuracy!.Value, 12);
        Assert.Equal(0.5721360710546316, m.LogLoss!.Value, 6);
        Assert.Equal([[3L, 2L], [2L, 3L]], m.ConfusionMatrix!.Select(r => r.ToArray()).ToArray());
    }

    /// <summary>
    /// average_precision_score printed by <c>/usr/bin/python3 tests/reference/classification_metrics_reference.py</c>
    /// (scikit-learn 1.2.1): sample A is the ten rows above, sample B 200 rows with 12% positives and many ties.
    /// </summary>
    [Fact]
    public void Pr_auc_is_scikit_learns_average_precision_including_tied_scores()
    {
        bool[] y = [true, false, true, true, false, false, true, false, true, false];
        float[] p = [0.9f, 0.2f, 0.65f, 0.4f, 0.4f, 0.55f, 0.8f, 0.1f, 0.3f, 0.7f];
        (bool[] yb, float[] pb) = ReferenceSampleB();

        Assert.Equal(0.7892857142857144, MetricsCalculator.Binary(y, p).PrAuc!.Value, 12);
        Assert.Equal(0.7140229261815014, MetricsCalculator.AveragePrecision(yb, pb), 12);
        Assert.True(double.IsNaN(MetricsCalculator.AveragePrecision([false, false], [0.2f, 0.7f])), "no positive row: recall is undefined");
        Assert.Equal(0.7892857142857144, MetricsCalculator.Binary(y, p).ToDictionary()["PrAuc"], 12);
    }

    [Fact]
    public void Label_metrics_follow_the_given_threshold_and_ranking_metrics_do_not()
    {
        bool[] y = [true, false, true, true, false, false, true, false, true, false];
        float[] p = [0.9f, 0.2f, 0.65f, 0.4f, 0.4f, 0.55f, 0.8f, 0.1f, 0.3f, 0.7f];

        // At 0.3 the rows scored 0.9, 0.65, 0.4, 0.4, 0.55, 0.8, 0.3, 0.7 are positive: tp 5, fp 3 (counted by hand).
        ModelMetrics m = MetricsCalculator.Binary(y, p, threshold: 0.3);

        Assert.Equal(5 / 8.0, m.Precision!.Value, 12);
        Assert.Equal(1.0, m.Recall!.Value, 12);
        Assert.Equal(10 / 13.0, m.F1!.Value, 12);
        Assert.Equal(MetricsCalculator.Binary(y, p).Auc, m.Auc);
        Assert.Equal(MetricsCalculator.Binary(y, p).PrAuc, m.PrAuc);
    }

    /// <summary>Sample B of the reference script: positive_i = (i·7919) mod 100 &lt; 12, score_i = ((i·37) mod 40 + 24·positive_i) / 64.</summary>
    internal static (bool[] Actual, float[] Score) ReferenceSampleB()
    {
        bool[] y = Enumerable.Range(0, 200).Select(i => (i * 7919) % 100 < 12).ToArray();
        float[] p = Enumerable.Range(0, 200).Select(i => (((i * 37) % 40) + (y[i] ? 24 : 0)) / 64f).ToArray();
        return (y, p);
    }

    [Fact]
    public void Regression_metrics_match_scikit_learn()
    {
        ModelMetrics m = MetricsCalculator.Regression([3.0f, -0.5f, 2.0f, 7.0f, 4.5f], [2.5f, 0.0f, 2.0f, 8.0f, 4.0f]);

        Assert.Equal(0.5916079783099616, m.Rmse!.Value, 12);
        Assert.Equal(0.5, m.Mae!.Value, 12);
        Assert.Equal(0.9440894568690096, m.RSquared!.Value, 12);
    }

    [Fact]
    public void Multiclass_metrics_are_macro_averages_over_the_confusion_matrix()
    {
        float[][] p = [[0.7f, 0.2f, 0.1f], [0.1f, 0.8f, 0.1f], [0.2f, 0.5f, 0.3f], [0.1f, 0.1f, 0.8f]];

        ModelMetrics m = MetricsCalculator.Multiclass([0u, 1u, 2u, 2u], p, 3);

        Assert.Equal(0.75, m.Accuracy!.Value, 12);
        Assert.Equal([[1L, 0L, 0L], [0L, 1L, 0L], [0L, 1L, 1L]], m.ConfusionMatrix!.Select(r => r.ToArray()).ToArray());
        Assert.Equal((1 + 0.5 + 1) / 3.0, m.Precision!.Value, 12);
        Assert.Equal((1 + 1 + 0.5) / 3.0, m.Recall!.Value, 12);
        Assert.Null(m.Auc);
    }

    [Fact]
    public void Cross_validation_summary_takes_mean_and_sample_deviation()
    {
        double[] aucs = [0.8, 0.9];
        var folds = aucs.Select(a => new ModelMetrics { Task = MLOps.Core.Requirements.ModelTask.BinaryClassification, Rows = 1, Auc = a }).ToArray();

        CrossValidationResult result = CrossValidationResult.From(folds);

        Assert.Equal(0.85, result.Mean["Auc"], 12);
        Assert.Equal(Math.Sqrt(0.005), result.StandardDeviation["Auc"], 12);
    }
}
