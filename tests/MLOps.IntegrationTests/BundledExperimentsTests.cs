using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MLOps.Core.FeatureStore;
using MLOps.Core.FeatureStore.Offline;
using MLOps.IntegrationTests.Infrastructure;
using MLOps.LocalHost.Azurite;

namespace MLOps.IntegrationTests;

/// <summary>
/// Every bundled data set under its bundled spec, requirements → data → experiment on the embedded engine over HTTP:
/// the feature set records the holdout scikit-learn's reference rebuilds from the raw file (same rows, not only the
/// same count), and the registered candidate's holdout metric (the spec's acceptance metric) is no worse than
/// HistGradientBoosting's on that holdout, less a stated tolerance. The search is small (LightGBM, 8 trials, 3 folds)
/// so the class runs in minutes on two cores; the credit data's larger search is in <see cref="ExperimentPipelineTests"/>.
/// </summary>
[Collection(PlatformCollection.Name)]
public class BundledExperimentsTests(PlatformFixture platform, Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>AUC may fall this far below scikit-learn's; R² too (on ames, 0.02 of R² is about 10% of MSE).</summary>
    private const double ScoreTolerance = 0.02;

    /// <summary>A regression candidate's holdout RMSE may exceed scikit-learn's by this share.</summary>
    private const double RmseTolerance = 0.05;

    /// <summary>
    /// From <c>/usr/bin/python3 tests/reference/bundled_experiment_reference.py</c> (scikit-learn 1.2.1): the split the
    /// spec's holdout rule gives (rows, and the sum of the holdout rows' generated keys) and HistGradientBoosting's
    /// holdout AUC, or RMSE and R², on it.
    /// </summary>
    private static readonly Dictionary<string, Reference> References = new(StringComparer.Ordinal)
    {
        ["credit-scoring.json"] = new("credit_data.csv", "Stratified", 3563, 891, 1960972, "Auc", 0.840569, null),
        ["telecom-churn.json"] = new("mlc_churn.csv", "Stratified", 4000, 1000, 2461258, "Auc", 0.925123, null),
        ["house-prices.json"] = new("ames.csv", "Random", 2344, 586, 861504, "RSquared", 0.887057, 28540.559623),
        ["concrete-strength.json"] = new("concrete.csv", "Random", 824, 206, 103204, "RSquared", 0.929155, 4.556393),
    };

    public static TheoryData<string> Specs { get; } = new(References.Keys);

    [Theory]
    [MemberData(nameof(Specs))]
    public async Task The_bundled_data_set_goes_from_requirements_to_a_registered_model_as_good_as_sklearn_on_the_same_split(string specFile)
    {
        Reference reference = References[specFile];
        AssertEncodedSourcesAreDeclaredCategorical(specFile);
        string project = Projects.NewName("bx");
        JsonElement registered = await platform.RegisterAsync(project, specFile, reference.Data);
        Assert.True("Completed" == registered.GetProperty("runtimeStatus").GetString(), registered.ToString());

        JsonElement landed = await platform.LandAsync(project, reference.Data, File.ReadAllBytes(Projects.DataPath(reference.Data)));
        Assert.True("Completed" == landed.GetProperty("runtimeStatus").GetString(), landed.ToString());
        JsonElement split = landed.GetProperty("output").GetProperty("featureSet").GetProperty("version").GetProperty("split");
        Assert.Equal(
            (reference.Strategy, reference.TrainRows + reference.HoldoutRows, reference.HoldoutRows),
            (split.GetProperty("strategy").GetString(), split.GetProperty("labelledRows").GetInt64(), split.GetProperty("holdoutRows").GetInt64()));
        Assert.Equal(reference.HoldoutKeySum, await this.HoldoutKeySumAsync(project));

        bool regression = reference.Metric == "RSquared";
        string algorithm = regression ? "LightGbmRegression" : "LightGbm";
        ApiResponse started = await platform.SendAsync(HttpMethod.Post, "api/pipelines/experiment", TestKeys.DataScientist, new
        {
            project,
            algorithms = new[] { algorithm },
            spaces = new[] { SmallLightGbmSpace(algorithm) },
            search = new[] { new { strategy = "Random", trials = 4 }, new { strategy = "Bayesian", trials = 4 } },
            folds = 3,
            maxParallel = 2,
        });
        Assert.True(started.Status == System.Net.HttpStatusCode.Accepted, $"{started.Status} {started.Json}");
        JsonElement done = await platform.WaitForEndAsync(started.Json.GetProperty("id").GetString()!, TimeSpan.FromMinutes(8));

        Assert.True("Completed" == done.GetProperty("runtimeStatus").GetString(), done.ToString());
        JsonElement report = done.GetProperty("output");
        JsonElement candidate = report.GetProperty("candidate");
        JsonElement metrics = candidate.GetProperty("holdoutMetrics");
        double score = metrics.GetProperty(reference.Metric).GetDouble();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{specFile}: train {reference.TrainRows} / holdout {candidate.GetProperty("holdoutRows").GetInt64()}; {candidate.GetProperty("algorithm").GetString()} holdout {reference.Metric} {score:F4}{(regression ? $", RMSE {metrics.GetProperty("Rmse").GetDouble():F4}" : string.Empty)}; scikit-learn {reference.Sklearn:F4}{(regression ? $", RMSE {reference.SklearnRmse:F4}" : string.Empty)}; parity max |Δ| {candidate.GetProperty("parityMaxDifference").GetDouble():G3}"));
        Assert.Equal(8, report.GetProperty("trialsRun").GetInt32());
        Assert.Equal(reference.HoldoutRows, candidate.GetProperty("holdoutRows").GetInt64());
        Assert.True(score >= reference.Sklearn - ScoreTolerance, $"holdout {reference.Metric} {score:F4} is more than {ScoreTolerance} below scikit-learn's {reference.Sklearn}");
        if (regression)
        {
            double rmse = metrics.GetProperty("Rmse").GetDouble();
            Assert.True(rmse <= reference.SklearnRmse!.Value * (1 + RmseTolerance), $"holdout RMSE {rmse:F4} is more than {RmseTolerance:P0} above scikit-learn's {reference.SklearnRmse}");
        }

        Assert.True(candidate.GetProperty("meetsAcceptance").GetBoolean(), candidate.ToString());
        Assert.True(candidate.GetProperty("parityPassed").GetBoolean(), candidate.GetProperty("parityReason").ToString());
        Assert.Equal(1, report.GetProperty("registered").GetProperty("version").GetInt32());
    }

    /// <summary>Around HistGradientBoosting's defaults (31 leaves, 100 rounds, 0.1, 20 rows per leaf), small enough for two cores.</summary>
    private static object SmallLightGbmSpace(string algorithm) => new
    {
        algorithm,
        parameters = new object[]
        {
            new { name = "NumberOfLeaves", kind = "Integer", low = 8, high = 48 },
            new { name = "NumberOfIterations", kind = "Integer", low = 60, high = 300 },
            new { name = "LearningRate", kind = "LogFloat", low = 0.03, high = 0.2 },
            new { name = "MinimumExampleCountPerLeaf", kind = "Integer", low = 5, high = 40 },
        },
    };

    /// <summary>The spec encodes categories (OneHot, Hashing) only from columns its data rules declare Categorical.</summary>
    private static void AssertEncodedSourcesAreDeclaredCategorical(string specFile)
    {
        using JsonDocument spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "shared", "specs", specFile)));
        Dictionary<string, string> types = spec.RootElement.GetProperty("dataRules").GetProperty("columns").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("type").GetString()!, StringComparer.Ordinal);
        foreach (JsonElement feature in spec.RootElement.GetProperty("features").EnumerateArray())
        {
            if (feature.GetProperty("transform").GetProperty("kind").GetString() is "OneHot" or "Hashing")
            {
                string source = feature.GetProperty("sources")[0].GetString()!;
                Assert.True(types.GetValueOrDefault(source) == "Categorical", $"{specFile}: {source} feeds {feature.GetProperty("name").GetString()} but is declared {types.GetValueOrDefault(source) ?? "nowhere"}");
            }
        }
    }

    /// <summary>The sum of the generated keys (record numbers) of the rows the latest feature-set version holds out.</summary>
    private async Task<long> HoldoutKeySumAsync(string project)
    {
        OfflineFeatureStore offline = platform.Services.GetRequiredService<OfflineFeatureStore>();
        FeatureSetVersion version = (await offline.GetAsync(project, "latest"))!;
        long sum = 0;
        await foreach (FeatureFrame frame in offline.ReadAsync(version))
        {
            Assert.NotNull(frame.Holdout);
            for (int r = 0; r < frame.Rows; r++)
            {
                sum += frame.Holdout[r] ? long.Parse(frame.Keys[r], CultureInfo.InvariantCulture) : 0;
            }
        }

        return sum;
    }

    private sealed record Reference(
        string Data, string Strategy, long TrainRows, long HoldoutRows, long HoldoutKeySum, string Metric, double Sklearn, double? SklearnRmse);
}
