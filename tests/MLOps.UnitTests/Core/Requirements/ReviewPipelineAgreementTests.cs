using System.Text.Json.Nodes;
using MLOps.Core;
using MLOps.Core.DataEngineering;
using MLOps.Core.DataEngineering.Cleaning;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.DataEngineering.Profiling;
using MLOps.Core.DataEngineering.Validation;
using MLOps.Core.FeatureStore;
using MLOps.Core.Requirements;
using MLOps.UnitTests.Core.DataEngineering;

namespace MLOps.UnitTests.Core.Requirements;

/// <summary>
/// The spec review and the data pipeline must agree on the same file: the review's verdict (FeasibilityChecker on
/// the whole file as its sample) against the pipeline's steps run over the file as its activities run them
/// (whole-file profile, DataContract rules in DataValidator, then FeatureSetEngineering: the cleaning pass judged by
/// CleaningGuard, the split, the fit and the engineering guard). The bundled specs
/// pass on their data; each edit below breaks the contract in one way, and both must refuse it.
/// </summary>
public class ReviewPipelineAgreementTests
{
    public static TheoryData<string, string, string, bool> Cases { get; } = new()
    {
        { "credit-scoring.json", "credit_data.csv", "as bundled", true },
        { "telecom-churn.json", "mlc_churn.csv", "as bundled", true },
        { "house-prices.json", "ames.csv", "as bundled", true },
        { "concrete-strength.json", "concrete.csv", "as bundled", true },
        { "credit-scoring.json", "credit_data.csv", "Records declared Boolean (no/yes)", true },
        { "credit-scoring.json", "credit_data.csv", "Seniority declared Boolean", false },
        { "telecom-churn.json", "mlc_churn.csv", "states in lower case, hard rule", false },
        { "telecom-churn.json", "mlc_churn.csv", "states in lower case, soft rule", false },
        { "telecom-churn.json", "mlc_churn.csv", "states in lower case, soft rule, guard warns", true },
        { "house-prices.json", "ames.csv", "Sale_Type not normalised", false },
        { "house-prices.json", "ames.csv", "Sale_Type normalised under the default guard", false },
        { "concrete-strength.json", "concrete.csv", "age over 27 days dropped", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_review_accepts_exactly_what_the_pipeline_accepts(string specFile, string dataFile, string edit, bool accepted)
    {
        ProjectSpec spec = ProjectSpecJson.Parse(Edit(JsonNode.Parse(File.ReadAllText(SpecFixtures.SpecPath(specFile)))!.AsObject(), edit).ToJsonString());
        string path = SpecFixtures.DataPath(dataFile);

        FeasibilityReport review = FeasibilityChecker.Check(spec, await DataSampleReader.ReadAsync(path));
        (bool pipeline, string why) = await PipelineAccepts(spec, path);

        Assert.True(accepted == review.Passed, $"review: {string.Join(" | ", review.Findings.Where(f => f.Severity == FindingSeverity.Error))}");
        Assert.True(accepted == pipeline, $"pipeline: {why}");
    }

    [Fact]
    public async Task A_partial_sample_is_named_and_its_row_count_left_to_the_pipeline()
    {
        DataSample head;
        await using (FileStream file = File.OpenRead(SpecFixtures.DataPath("credit_data.csv")))
        {
            head = await DataSampleReader.ReadAsync(file, maxRows: 500);
        }

        FeasibilityReport report = FeasibilityChecker.Check(SpecFixtures.CreditSpec, head);

        Assert.True(head.Truncated);
        Assert.True(report.Passed, string.Join(" | ", report.Findings));
        Assert.Contains(report.Of(FeasibilityCheck.Sample), f => f.Severity == FindingSeverity.Info && f.Message.Contains("first 500 rows only", StringComparison.Ordinal));
        FeasibilityFinding rows = Assert.Single(report.Of(FeasibilityCheck.MinRows));
        Assert.Equal((FindingSeverity.Info, 500.0, 2000.0), (rows.Severity, rows.Actual, rows.Limit));
    }

    [Fact]
    public void Data_rule_and_cleaning_findings_say_what_the_pipeline_would_say()
    {
        ProjectSpec spec = ProjectSpecJson.Parse(Edit(SpecFixtures.CreditNode(), "Seniority declared Boolean").ToJsonString());

        FeasibilityReport report = FeasibilityChecker.Check(spec, SpecFixtures.CreditData);

        FeasibilityFinding type = Assert.Single(report.Of(FeasibilityCheck.DataRule));
        Assert.Equal((FindingSeverity.Error, "Seniority"), (type.Severity, type.Column));
        Assert.StartsWith("Seniority.type (Seniority is Boolean): expected Boolean, observed Integer; e.g. record(s) 1,", type.Message, StringComparison.Ordinal);
    }

    private static async Task<(bool Accepted, string Why)> PipelineAccepts(ProjectSpec spec, string path)
    {
        DatasetProfile profile = await DataFiles.ProfileAsync(path);
        QualityReport quality = await new DataValidator().ValidateAsync(path, profile, DataContract.ValidationRules(spec), DataFiles.Batches(path));
        if (quality.Status == QualityStatus.Failed)
        {
            return (false, string.Join(" | ", quality.Results.Where(r => !r.Passed).Select(r => r.Describe())));
        }

        // The pipeline's own build: clean (the change guard judges that pass), split, fit, encode (the engineering guard).
        CleaningVerdict? guard = null;
        try
        {
            await FeatureSetEngineering.WriteAsync(
                spec,
                profile.Columns.Select(c => c.Name).ToArray(),
                DataFiles.Batches(path),
                Stream.Null,
                (cleaned, _) =>
                {
                    guard = CleaningGuard.Review(spec, cleaned);
                    return guard.Passed ? Task.CompletedTask : throw new DataRejectedException(guard.DescribeFailures());
                });
        }
        catch (Exception ex) when (ex is DataRejectedException or InvalidDataException)
        {
            return (false, ex.Message);
        }

        return (true, "accepted");
    }

    private static JsonObject Edit(JsonObject spec, string edit)
    {
        spec.Remove("$schema");
        JsonObject Column(string name) => spec["dataRules"]!["columns"]!.AsArray().Select(c => c!.AsObject()).Single(c => (string?)c["name"] == name);
        switch (edit)
        {
            case "as bundled":
                break;
            case "Records declared Boolean (no/yes)":
                Column("Records")["type"] = "Boolean";
                break;
            case "Seniority declared Boolean":
                Column("Seniority")["type"] = "Boolean";
                Column("Seniority").Remove("min");
                Column("Seniority").Remove("max");
                spec["features"]!.AsArray().RemoveAt(0);
                break;
            case "states in lower case, hard rule":
            case "states in lower case, soft rule":
            case "states in lower case, soft rule, guard warns":
                JsonObject state = Column("state");
                state["allowedValues"] = new JsonArray([.. state["allowedValues"]!.AsArray().Select(v => JsonValue.Create(((string)v!).ToLowerInvariant()))]);
                if (edit.Contains("soft", StringComparison.Ordinal))
                {
                    state["severity"] = "Soft";
                }

                if (edit.EndsWith("warns", StringComparison.Ordinal))
                {
                    state["changeGuard"] = new JsonObject { ["action"] = "Warn" };
                }

                break;
            case "Sale_Type not normalised":
                Column("Sale_Type").Remove("normalise");
                break;
            case "Sale_Type normalised under the default guard":
                Column("Sale_Type").Remove("changeGuard");
                break;
            case "age over 27 days dropped":
                Column("age")["max"] = 27;
                Column("age")["severity"] = "Soft";
                Column("age")["onInvalid"] = "DropRow";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(edit), edit, "unknown edit");
        }

        return spec;
    }
}
