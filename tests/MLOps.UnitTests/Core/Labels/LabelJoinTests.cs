using MLOps.Core.Labels;
using MLOps.Core.Serving.RequestLog;
using MLOps.Core.Serving.Scoring;
using static MLOps.UnitTests.Core.Delivery.LogEntries;

namespace MLOps.UnitTests.Core.Labels;

public sealed class LabelJoinTests
{
    [Fact]
    public void A_multi_row_request_joins_each_label_to_its_row_index()
    {
        RequestLogEntry entry = Answered("r1", "d-a") with
        {
            Outputs = [new RowResult { Label = "good" }, new RowResult { Label = "bad" }, new RowResult { Label = "bad" }],
        };

        IReadOnlyList<LabelledPrediction> joined = LabelJoin.Join([entry], [ByRequest("r1", "bad", row: 2), ByRequest("r1", "good")]);

        Assert.Equal([(0, "good", "good"), (2, "bad", "bad")], joined.Select(p => (p.Row, p.Result.Label!, p.Truth)).OrderBy(p => p.Row));
    }

    [Fact]
    public void A_mirror_copy_takes_the_label_of_the_request_it_copies()
    {
        RequestLogEntry answered = Answered("r1", "d-old", label: "good");
        RequestLogEntry copy = Mirror("m1", "r1", "d-new", label: "bad");

        IReadOnlyList<LabelledPrediction> joined = LabelJoin.Join([answered, copy], [ByRequest("r1", "bad")]);

        Assert.Equal(["d-old", "d-new"], joined.Select(p => p.Entry.Deployment));
        Assert.All(joined, p => Assert.Equal("bad", p.Truth));
    }

    [Fact]
    public void Key_rows_take_their_keys_label_unless_the_request_row_has_its_own_and_refused_rows_take_none()
    {
        RequestLogEntry keys = Answered("r1", "d-a") with
        {
            InputKind = ScoreInputKind.Keys,
            Outputs = [new RowResult { Key = "c-1", Label = "good" }, new RowResult { Key = "c-2", Label = "good" }],
        };
        RequestLogEntry again = keys with { RequestId = "r2" };
        RequestLogEntry refused = Answered("r3", "d-a") with { Outputs = [new RowResult { Key = "c-1", Status = 404 }] };

        IReadOnlyList<LabelledPrediction> joined = LabelJoin.Join(
            [keys, again, refused],
            [ByKey("c-1", "bad"), ByRequest("r2", "good", row: 0)]);

        Assert.Equal([("r1", 0, "bad"), ("r2", 0, "good")], joined.Select(p => (p.Entry.RequestId, p.Row, p.Truth)));
    }

    [Fact]
    public void Outcomes_are_correctness_for_classes_and_absolute_error_for_numbers()
    {
        RequestLogEntry[] classes = [Answered("a", "d", label: "good"), Answered("b", "d", label: "bad")];
        RequestLogEntry[] numbers = [Answered("c", "d", score: 7.5f), Answered("e", "d", score: 2f), Answered("f", "d", score: 1f)];

        LabelledOutcomes correctness = LabelledOutcomes.Of(classes, [ByRequest("a", "good"), ByRequest("b", "good")]);
        LabelledOutcomes errors = LabelledOutcomes.Of(numbers, [ByRequest("c", "10"), ByRequest("e", "1.25e0"), ByRequest("f", "n/a")]);
        LabelledOutcomes none = LabelledOutcomes.Of([Answered("g", "d", status: 503)], [ByRequest("g", "good")]);

        Assert.Equal((OutcomeKind.Correctness, 0), (correctness.Kind!.Value, correctness.Unusable));
        Assert.Equal([1.0, 0.0], correctness.Values);
        Assert.Equal((OutcomeKind.AbsoluteError, 1), (errors.Kind!.Value, errors.Unusable));
        Assert.Equal([2.5, 0.75], errors.Values);
        Assert.Null(none.Kind);
        Assert.Empty(none.Values);
    }

    private static GroundTruthLabel ByRequest(string id, string label, int? row = null) =>
        new() { Project = "credit", Endpoint = "scores", RequestId = id, Row = row, Label = label, Time = Start };

    private static GroundTruthLabel ByKey(string key, string label) =>
        new() { Project = "credit", Endpoint = "scores", Key = key, Label = label, Time = Start };
}
