using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests;

/// <summary>The experiment pipeline on the bundled credit data, end to end on the embedded engine over HTTP.</summary>
[Collection(PlatformCollection.Name)]
public class ExperimentPipelineTests(PlatformFixture platform, Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>
    /// scikit-learn's HistGradientBoostingClassifier (defaults, random_state=0) on the same holdout, the one the
    /// feature set records (stratified, 0.2, seed 42), rebuilt from the raw file:
    /// <c>/usr/bin/python3 tests/reference/credit_hgb_reference.py</c> → "holdout AUC 0.840569".
    /// </summary>
    private const double SklearnHoldoutAuc = 0.8406;

    private static readonly string[] ThreeAlgorithms = ["LogisticRegression", "FastTree", "LightGbm"];

    private static readonly string[] LogisticOnly = ["LogisticRegression"];

    /// <summary>Trees kept small so the 24 trials fit in a test run on two cores.</summary>
    private static readonly object[] SmallSpaces =
    [
        new { algorithm = "LogisticRegression", parameters = new object[] { Range("L1Regularization", "LogFloat", 1e-4, 1), Range("L2Regularization", "LogFloat", 1e-4, 1) } },
        new { algorithm = "FastTree", parameters = new object[] { Range("NumberOfLeaves", "Integer", 4, 32), Range("NumberOfTrees", "Integer", 20, 100), Range("LearningRate", "LogFloat", 0.02, 0.3) } },
        new { algorithm = "LightGbm", parameters = new object[] { Range("NumberOfLeaves", "Integer", 4, 32), Range("NumberOfIterations", "Integer", 20, 150), Range("LearningRate", "LogFloat", 0.02, 0.3), Range("MinimumExampleCountPerLeaf", "Integer", 5, 50) } },
    ];

    [Fact]
    public async Task Twenty_four_trials_over_three_algorithms_and_four_strategies_register_a_model_as_good_as_sklearn()
    {
        string project = Projects.NewName("exp");
        await platform.CreditFeatureSetAsync(project);

        JsonElement done = await this.RunExperimentAsync(project, new
        {
            project,
            algorithms = ThreeAlgorithms,
            spaces = SmallSpaces,
            search = new[] { Stage("Grid", 6), Stage("Random", 6), Stage("Bayesian", 6), Stage("Genetic", 6) },
            folds = 3,
            maxParallel = 4,
        });

        Assert.Equal("Completed", done.GetProperty("runtimeStatus").GetString());
        JsonElement report = done.GetProperty("output");
        Assert.Equal(24, report.GetProperty("trialsRun").GetInt32());
        Assert.Equal(["Grid", "Random", "Bayesian", "Genetic"], report.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("strategy").GetString()));
        JsonElement candidate = report.GetProperty("candidate");
        double auc = candidate.GetProperty("holdoutMetrics").GetProperty("Auc").GetDouble();
        output.WriteLine($"best {candidate.GetProperty("algorithm").GetString()}: holdout AUC {auc:F4} on {candidate.GetProperty("holdoutRows").GetInt64()} rows vs scikit-learn {SklearnHoldoutAuc}");
        Assert.Equal(891L, candidate.GetProperty("holdoutRows").GetInt64());
        Assert.True(auc >= SklearnHoldoutAuc - 0.01, $"holdout AUC {auc:F4} is more than 0.01 below scikit-learn's {SklearnHoldoutAuc}");

        // A binary model carries PR-AUC and a decision threshold chosen on validation rows, with the holdout's labels measured at it.
        JsonElement metrics = candidate.GetProperty("holdoutMetrics"), threshold = candidate.GetProperty("threshold");
        output.WriteLine($"holdout AUC {auc:F4}, PR-AUC {metrics.GetProperty("PrAuc").GetDouble():F4}; at 0.5 precision {metrics.GetProperty("Precision").GetDouble():F4} recall {metrics.GetProperty("Recall").GetDouble():F4} F1 {metrics.GetProperty("F1").GetDouble():F4}; threshold {threshold.GetProperty("threshold").GetDouble():F4} ({threshold.GetProperty("objective").GetString()} {threshold.GetProperty("validationValue").GetDouble():F4} on {threshold.GetProperty("validationRows").GetInt32()} validation rows): precision {threshold.GetProperty("holdout").GetProperty("Precision").GetDouble():F4} recall {threshold.GetProperty("holdout").GetProperty("Recall").GetDouble():F4} F1 {threshold.GetProperty("holdout").GetProperty("F1").GetDouble():F4}");
        Assert.InRange(metrics.GetProperty("PrAuc").GetDouble(), 0.5, 1);
        Assert.InRange(threshold.GetProperty("threshold").GetDouble(), 0.01, 0.99);
        Assert.Equal("F1", threshold.GetProperty("objective").GetString());
        Assert.True(candidate.GetProperty("parityPassed").GetBoolean());
        Assert.True(candidate.GetProperty("parityMaxDifference").GetDouble() <= 1e-5);
        Assert.Equal(1, report.GetProperty("registered").GetProperty("version").GetInt32());

        // Every trial is a tracked run; the trials cover three algorithms.
        ApiResponse runs = await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/runs?experiment={report.GetProperty("experiment").GetString()}", TestKeys.DataScientist);
        Assert.Equal(HttpStatusCode.OK, runs.Status);
        Assert.Equal(24, runs.Json.GetArrayLength());
        Assert.Equal(3, runs.Json.EnumerateArray().Select(r => r.GetProperty("algorithm").GetString()).Distinct().Count());

        // The registered challenger resolves by alias.
        ApiResponse challenger = await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/models/resolve?uri=models:/{project}@challenger", TestKeys.DataScientist);
        Assert.Equal(HttpStatusCode.OK, challenger.Status);
        Assert.Equal(report.GetProperty("bestRunId").GetString(), challenger.Json.GetProperty("runId").GetString());

        // Whoever the body claims, the author of the version is the caller who started the experiment.
        Assert.Equal("data-scientist", challenger.Json.GetProperty("createdBy").GetString());

        // The registered version carries an MLflow ONNX directory and a model card.
        var models = platform.Blobs.GetBlobContainerClient("models");
        string prefix = $"{project}/{project}/1/";
        var names = new List<string>();
        await foreach (var item in models.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix }))
        {
            names.Add(item.Name[prefix.Length..]);
        }

        Assert.Contains("MLmodel", names);
        Assert.Contains("model.onnx", names);
        Assert.Contains("input_example.json", names);
        Assert.Contains("model-card.md", names);
        Assert.NotNull(await platform.Services.GetRequiredService<MLOps.Core.Tracking.IExperimentTracker>().ReadArtifactAsync(project, report.GetProperty("bestRunId").GetString()!, "plots/roc.svg"));

        // The card reports the holdout per age band and marital status, the spec's sensitive attributes.
        string card = (await models.GetBlobClient(prefix + "model-card.md").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("| Age | ≤ 25 | selection_rate |", card, StringComparison.Ordinal);
        Assert.Contains("| Marital | married | true_positive_rate |", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meeting_the_acceptance_threshold_stops_the_search_early_when_asked()
    {
        string project = Projects.NewName("exp");
        await platform.CreditFeatureSetAsync(project);

        // The credit gate is AUC >= 0.80; a logistic regression passes it in cross-validation at once.
        JsonElement done = await this.RunExperimentAsync(project, new
        {
            project,
            algorithms = LogisticOnly,
            search = new[] { Stage("Random", 16), Stage("Genetic", 8) },
            folds = 3,
            maxParallel = 2,
            stopWhenThresholdMet = true,
        });

        Assert.Equal("Completed", done.GetProperty("runtimeStatus").GetString());
        JsonElement report = done.GetProperty("output");
        Assert.Equal(2, report.GetProperty("trialsRun").GetInt32());
        JsonElement stage = Assert.Single(report.GetProperty("stages").EnumerateArray());
        Assert.Equal("ThresholdMet", stage.GetProperty("stopReason").GetString());
    }

    [Fact]
    public async Task An_experiment_for_a_project_without_features_is_refused_at_the_door()
    {
        string project = Projects.NewName("exp");
        await platform.RegisterCreditAsync(project);

        ApiResponse refused = await platform.SendAsync(HttpMethod.Post, "api/pipelines/experiment", TestKeys.DataScientist,
            new { project, algorithms = UnknownAlgorithm });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        string[] errors = [.. refused.Json.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!)];
        Assert.Contains(errors, e => e.Contains("no feature-set version 'latest'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'NoSuchLearner' is not an algorithm for BinaryClassification; choose from LogisticRegression", StringComparison.Ordinal));
    }

    private static readonly string[] UnknownAlgorithm = ["NoSuchLearner"];

    private static object Stage(string strategy, int trials) => new { strategy, trials };

    private static object Range(string name, string kind, double low, double high) => new { name, kind, low, high };

    private async Task<JsonElement> RunExperimentAsync(string project, object request)
    {
        ApiResponse started = await platform.SendAsync(HttpMethod.Post, "api/pipelines/experiment", TestKeys.DataScientist, request);
        Assert.True(started.Status == HttpStatusCode.Accepted, $"{project}: {started.Status} {started.Json}");
        return await platform.WaitForEndAsync(started.Json.GetProperty("id").GetString()!, TimeSpan.FromMinutes(8));
    }
}
