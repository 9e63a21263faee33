using MLOps.Core.Packaging;
using MLOps.Core.Requirements;
using MLOps.Core.Serving.Scoring;
using MLOps.Training.Data;
using MLOps.UnitTests.Training;

namespace MLOps.UnitTests.Core.Serving;

/// <summary>Rows judged by the credit feature contract (the real one, built as the data pipeline builds it), then scored in place.</summary>
public sealed class PendingRowsTests
{
    private static readonly string[] CreditLabels = ["good", "bad"];

    internal static Dictionary<string, string?> Good() => new(StringComparer.Ordinal)
    {
        ["Seniority"] = "9", ["Home"] = "rent", ["Time"] = "60", ["Age"] = "30", ["Marital"] = "married", ["Records"] = "no",
        ["Job"] = "freelance", ["Expenses"] = "73", ["Income"] = "129", ["Assets"] = "0", ["Debt"] = "0", ["Amount"] = "800", ["Price"] = "846",
    };

    [Fact]
    public async Task Records_the_contract_refuses_are_400_with_their_column_and_the_others_wait_for_their_scores_in_order()
    {
        ScoringPackage package = await CreditPackageAsync();
        Dictionary<string, string?> missing = Good(), wrongType = Good(), notANumber = Good(), unknown = Good(), outOfRange = Good();
        missing.Remove("Price");
        wrongType["Seniority"] = "nine";
        notANumber["Income"] = "NaN";
        unknown["Home"] = "castle";
        outOfRange["Time"] = "100";

        PendingRows pending = PendingRows.Encode(package, [Good(), missing, wrongType, notANumber, unknown, outOfRange, Good()]);

        Assert.True(pending.AnyRefused);
        Assert.Equal([200, 400, 400, 400, 400, 400, 200], pending.Results.Select(r => r.Status));
        Assert.Equal([0, 6], pending.Scored);
        Assert.Equal(2 * package.Width, pending.Rows.Length);
        Assert.Equal(("Price", nameof(RecordProblemKind.MissingColumn)), Only(pending.Results[1]));
        Assert.Equal(("Seniority", nameof(RecordProblemKind.WrongType)), Only(pending.Results[2]));
        Assert.Equal(("Income", nameof(RecordProblemKind.WrongType)), Only(pending.Results[3]));
        Assert.Equal(("Home", nameof(RecordProblemKind.UnknownCategory)), Only(pending.Results[4]));
        Assert.Equal(("Time", nameof(RecordProblemKind.OutOfRange)), Only(pending.Results[5]));
    }

    [Fact]
    public async Task Scores_go_to_their_rows_with_labels_at_the_threshold_and_a_count_mismatch_is_a_worker_failure()
    {
        ScoringPackage package = await CreditPackageAsync();
        Dictionary<string, string?> noIncome = Good();
        noIncome["Income"] = string.Empty;

        PendingRows pending = PendingRows.Encode(package, [Good(), noIncome]);
        RowResult[] results = pending.Apply(package, new ModelScores([0.2f, 0.7f], 1, new Uri("http://127.0.0.1:1/"), "1"));

        Assert.False(pending.AnyRefused);
        Assert.Equal((0.2f, "good"), (results[0].Score, results[0].Label));
        Assert.Equal((0.7f, "bad"), (results[1].Score, results[1].Label));
        Assert.Throws<WorkerFailedException>(() => pending.Apply(package, new ModelScores([0.2f], 1, new Uri("http://127.0.0.1:1/"), "1")));
    }

    private static (string Column, string Kind) Only(RowResult result)
    {
        RowIssue issue = Assert.Single(result.Problems!);
        return (issue.Column, issue.Kind);
    }

    /// <summary>The credit package's contract and descriptor, under <paramref name="digest"/> (default a's).</summary>
    internal static async Task<ScoringPackage> CreditPackageAsync(string? digest = null)
    {
        TrainingTable table = await CreditTables.LoadAsync();
        FeatureContract contract = FeatureContract.Create(CreditTables.Spec, (await CreditTables.WriteAsync()).Features, table.FeatureNames);
        return new ScoringPackage
        {
            Digest = digest ?? new string('a', 64),
            Project = "credit-scoring",
            Model = "credit-scoring",
            Version = 1,
            Task = ModelTask.BinaryClassification,
            InputName = "Features",
            FeatureNames = table.FeatureNames,
            ScoreOutput = "Probability.output",
            DecisionThreshold = 0.5,
            Labels = CreditLabels,
            EntityKey = "application_id",
            FeatureSetVersion = 1,
            FeatureSetSha256 = new string('f', 64),
            Encoder = contract.CreateEncoder(),
        };
    }
}
