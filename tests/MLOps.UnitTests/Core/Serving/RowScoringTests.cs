using MLOps.Core.Requirements;
using MLOps.Core.Serving.Scoring;

namespace MLOps.UnitTests.Core.Serving;

public sealed class RowScoringTests
{
    private static readonly string[] CreditLabels = ["good", "bad"];

    [Theory]
    [InlineData(0.29f, "good")]
    [InlineData(0.30f, "bad")]
    [InlineData(0.91f, "bad")]
    public void A_binary_score_is_labelled_at_the_decision_threshold_inclusive(float probability, string label)
    {
        RowResult result = RowScoring.Scored(ModelTask.BinaryClassification, 0.30, CreditLabels, [probability], null, null);

        Assert.Equal(probability, result.Score);
        Assert.Equal(label, result.Label);
        Assert.Equal(RowResult.Scored, result.Status);
    }

    [Fact]
    public void A_multiclass_score_is_the_most_probable_class_with_every_probability()
    {
        RowResult result = RowScoring.Scored(ModelTask.MulticlassClassification, null, ["a", "b", "c"], [0.2f, 0.5f, 0.3f], "k1", null);

        Assert.Equal("b", result.Label);
        Assert.Equal(0.5f, result.Score);
        Assert.Equal([0.2f, 0.5f, 0.3f], result.Scores);
        Assert.Equal("k1", result.Key);
    }

    [Fact]
    public void A_regression_prediction_has_no_label()
    {
        RowResult result = RowScoring.Scored(ModelTask.Regression, null, [], [123.5f], null, null);

        Assert.Equal(123.5f, result.Score);
        Assert.Null(result.Label);
    }

    [Fact]
    public void A_score_that_is_not_a_number_is_answered_without_score_or_label_and_says_so()
    {
        var warning = new RowIssue("Home", "UnseenCategory", "'castle' was not seen in training.");

        RowResult result = RowScoring.Scored(ModelTask.BinaryClassification, 0.5, CreditLabels, [float.NaN], null, [warning]);

        Assert.Null(result.Score);
        Assert.Null(result.Label);
        Assert.Equal([warning.Kind, RowScoring.NoScore], result.Problems!.Select(p => p.Kind));
    }
}
