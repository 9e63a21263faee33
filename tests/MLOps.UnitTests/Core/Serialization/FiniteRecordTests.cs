using System.Text.Json;
using MLOps.Core.DataEngineering;
using MLOps.Core.FeatureStore;
using MLOps.Core.FeatureStore.Engineering;
using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.Requirements;
using MLOps.Core.Serialization;
using MLOps.UnitTests.Core.FeatureStore;

namespace MLOps.UnitTests.Core.Serialization;

/// <summary>The feature store's records under the one non-finite rule (<see cref="FiniteJson"/>).</summary>
public class FiniteRecordTests
{
    private sealed record Sample(double A, double? B, float C, float? D, double[] E);

    private static readonly JsonSerializerOptions Options = FiniteJson.AddTo(new(JsonSerializerDefaults.Web));

    [Fact]
    public void Non_finite_numbers_are_written_as_null_and_read_back_as_missing()
    {
        var sample = new Sample(double.NaN, double.PositiveInfinity, float.NegativeInfinity, null, [1.5, double.NaN, double.NegativeInfinity]);

        string json = JsonSerializer.Serialize(sample, Options);
        Sample read = JsonSerializer.Deserialize<Sample>(json, Options)!;

        Assert.Equal("""{"a":null,"b":null,"c":null,"d":null,"e":[1.5,null,null]}""", json);
        Assert.True(double.IsNaN(read.A) && float.IsNaN(read.C) && double.IsNaN(read.E[1]));
        Assert.Null(read.B);
        Assert.Equal("""{"a":0.1,"b":2,"c":0.1,"d":3,"e":[]}""", JsonSerializer.Serialize(new Sample(0.1, 2, 0.1f, 3, []), Options));
        Assert.Throws<ArgumentException>(() => JsonSerializer.Serialize(sample, JsonSerializerOptions.Web));
    }

    [Fact]
    public async Task Statistics_of_non_finite_and_degenerate_columns_serialise_finite_or_null()
    {
        FeatureSetVersion version = Versions.Of("p", 2, "infinite", "constant", "allmissing");
        FeatureFrame frame = new(
            ["a", "b", "c", "d"],
            null,
            ["bad", "good", "bad", "good"],
            [
                new FeatureColumn("infinite", [double.PositiveInfinity, 1, double.NegativeInfinity, 2]),
                new FeatureColumn("constant", [1, 1, 1, 1]),
                new FeatureColumn("allmissing", [double.NaN, double.NaN, double.NaN, double.NaN]),
            ]);
        FeatureFrame previous = frame with { Features = [new FeatureColumn("infinite", [double.NaN, double.NaN, 1, 1]), frame.Features[1], frame.Features[2]] };

        FeatureStatistics stats = await new FeatureStatisticsCalculator().ComputeAsync(
            version, One(frame), ModelTask.BinaryClassification, "bad", version with { Version = 1 }, One(previous));
        string json = JsonSerializer.Serialize(stats, FeatureStatisticsStore.Json);

        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", json, StringComparison.Ordinal);
        Assert.Equal(stats.Features.Select(f => f.Name), JsonSerializer.Deserialize<FeatureStatistics>(json, FeatureStatisticsStore.Json)!.Features.Select(f => f.Name));
    }

    [Fact]
    public void Version_records_and_engineering_reports_never_carry_non_finite_numbers()
    {
        FeatureSetVersion version = Versions.Of("p", 1, "z") with
        {
            Fitted = new FittedFeatureSet("defs", [new FittedFeature { Definition = new FeatureDefinition { Name = "z", Sources = ["x"], Transform = new StandardizeTransform() }, Outputs = ["z"], Mean = double.NaN, StandardDeviation = double.PositiveInfinity }], []),
        };
        var report = new EngineeringReport(0, double.NaN, GuardAction.Fail, [new FeatureLoss("z", ["x"], 0, 0, double.NaN, [])], []);

        string versionJson = JsonSerializer.Serialize(version, OfflineFeatureStore.Json);
        string reportJson = DataEngineeringJson.Serialize(report);

        Assert.Contains("\"mean\": null", versionJson, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"Standardize\"", versionJson, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", versionJson + reportJson, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", versionJson + reportJson, StringComparison.Ordinal);
        Assert.Null(JsonSerializer.Deserialize<FeatureSetVersion>(versionJson, OfflineFeatureStore.Json)!.Fitted!.Features[0].Mean);
    }

    private static async IAsyncEnumerable<FeatureFrame> One(FeatureFrame frame)
    {
        await Task.Yield();
        yield return frame;
    }
}
