using System.Text.Json;
using MLOps.Core.DataEngineering;
using MLOps.Core.Experiments;
using MLOps.Core.Registry.Cards;
using MLOps.Core.Serialization;
using MLOps.Orchestrations;

namespace MLOps.UnitTests.Core.Serialization;

/// <summary>NaN and ±∞ are written as null and read back as NaN by every shared option set of the platform.</summary>
public class FiniteJsonTests
{
    public static TheoryData<string> SharedOptions => new() { "finite", "data-engineering", "orchestration" };

    [Theory]
    [MemberData(nameof(SharedOptions))]
    public void Non_finite_numbers_become_null_in_records_lists_and_dictionaries(string which)
    {
        JsonSerializerOptions options = Options(which);
        var record = new Sample(
            double.NaN,
            double.PositiveInfinity,
            float.NegativeInfinity,
            new Dictionary<string, double> { ["Auc"] = double.NaN, ["F1"] = 0.5 },
            [1f, float.NaN, 3f],
            [new FairnessResult("age", "18-25", "auc", double.NaN, 3)]);

        string json = JsonSerializer.Serialize(record, options);
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;

        Assert.Equal(JsonValueKind.Null, root.GetProperty("score").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("maybe").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("feature").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("metrics").GetProperty("Auc").ValueKind);
        Assert.Equal(0.5, root.GetProperty("metrics").GetProperty("F1").GetDouble());
        Assert.Equal("[1,null,3]", root.GetProperty("row").GetRawText().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("fairness")[0].GetProperty("value").ValueKind);

        Sample back = JsonSerializer.Deserialize<Sample>(json, options)!;
        Assert.True(double.IsNaN(back.Score));
        Assert.Null(back.Maybe);
        Assert.True(float.IsNaN(back.Feature));
        Assert.True(double.IsNaN(back.Metrics["Auc"]));
        Assert.Equal(0.5, back.Metrics["F1"]);
        Assert.True(float.IsNaN(back.Row[1]));
    }

    [Fact]
    public void A_candidate_with_undefined_metrics_survives_the_orchestration_payload_round_trip()
    {
        var candidate = new CandidateModel(
            "run", "LightGbm", new Dictionary<string, string>(), new Dictionary<string, double> { ["Auc"] = double.NaN, ["PrAuc"] = double.NaN, ["F1"] = 0 },
            false, true, 0, "CPU", null, ["x"], [new FeatureImportance("x", double.NaN)], "a", 10, [],
            new DecisionThreshold(0.5, ThresholdObjective.F1, double.NaN, 0, new Dictionary<string, double> { ["Recall"] = 0 }, "too few rows"));

        string json = PlatformDataConverter.Instance.Serialize(candidate)!;
        CandidateModel back = PlatformDataConverter.Instance.Deserialize<CandidateModel>(json)!;

        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
        Assert.True(double.IsNaN(back.HoldoutMetrics["Auc"]));
        Assert.True(double.IsNaN(back.Importance[0].Importance));
        Assert.True(double.IsNaN(back.Threshold!.ValidationValue));
    }

    [Fact]
    public void Numbers_written_as_strings_still_read_where_the_options_allow_it()
    {
        Assert.Equal(0.25, JsonSerializer.Deserialize<double>("\"0.25\"", DataEngineeringJson.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<double>("true", DataEngineeringJson.Options));
    }

    private static JsonSerializerOptions Options(string which) => which switch
    {
        "finite" => FiniteJson.Options,
        "data-engineering" => DataEngineeringJson.Options,
        _ => PlatformDataConverter.JsonOptions,
    };

    public sealed record Sample(
        double Score,
        double? Maybe,
        float Feature,
        IReadOnlyDictionary<string, double> Metrics,
        IReadOnlyList<float> Row,
        IReadOnlyList<FairnessResult> Fairness);
}
