using MLOps.Core.Labels;

namespace MLOps.UnitTests.Core.Labels;

public sealed class LabelRulesTests
{
    private static readonly GroundTruthLabel Valid = new()
    {
        Project = "credit", Endpoint = "scores", RequestId = "0f3a", Label = "good", Time = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void A_label_names_one_prediction_by_request_and_row_or_by_key()
    {
        Assert.Empty(LabelRules.Problems(Valid));
        Assert.Empty(LabelRules.Problems(Valid with { Row = 3 }));
        Assert.Empty(LabelRules.Problems(Valid with { RequestId = null, Key = "c-17" }));

        Assert.Equal(["$.requestId: name the prediction by requestId (with row for a multi-row request) or by key, exactly one of them"], LabelRules.Problems(Valid with { Key = "c-17" }));
        Assert.Single(LabelRules.Problems(Valid with { RequestId = null }), p => p.StartsWith("$.requestId:", StringComparison.Ordinal));
        Assert.Equal(["$.row: must be a row index of 0 or more, given with a requestId"], LabelRules.Problems(Valid with { Row = -1 }));
        Assert.Contains("$.row: must be a row index of 0 or more, given with a requestId", LabelRules.Problems(Valid with { RequestId = null, Key = "k", Row = 0 }));
    }

    [Fact]
    public void Names_and_labels_are_checked_field_by_field()
    {
        string[] problems = [.. LabelRules.Problems(Valid with { Project = "Credit Risk", Endpoint = "", Label = "good\nbad" })];

        Assert.Equal(["$.project", "$.endpoint", "$.label"], problems.Select(p => p[..p.IndexOf(':', StringComparison.Ordinal)]));
        Assert.Equal(["$.label: must not be empty"], LabelRules.Problems(Valid with { Label = "" }));
        Assert.Single(LabelRules.Problems(Valid with { RequestId = new string('x', 300) }), p => p.StartsWith("$.requestId:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_identity_is_deterministic_and_row_0_is_the_single_row()
    {
        Assert.Equal("request:0f3a:0", LabelIdentity.Of(Valid));
        Assert.Equal(LabelIdentity.Of(Valid), LabelIdentity.Of(Valid with { Row = 0, Label = "bad", Time = DateTimeOffset.MaxValue }));
        Assert.Equal("request:a:1:2", LabelIdentity.Of(Valid with { RequestId = "a:1", Row = 2 }));
        Assert.Equal("key:c-17", LabelIdentity.Of(Valid with { RequestId = null, Key = "c-17" }));
    }
}
