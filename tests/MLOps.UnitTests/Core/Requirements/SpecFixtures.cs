using System.Text.Json.Nodes;
using MLOps.Core.DataEngineering;
using MLOps.Core.Requirements;

namespace MLOps.UnitTests.Core.Requirements;

/// <summary>The bundled example specs and data sets, read once per test run.</summary>
internal static class SpecFixtures
{
    private static readonly Lazy<DataSample> Credit = new(() => DataSampleReader.ReadAsync(DataPath("credit_data.csv")).GetAwaiter().GetResult());
    private static readonly Lazy<DataSample> Churn = new(() => DataSampleReader.ReadAsync(DataPath("mlc_churn.csv")).GetAwaiter().GetResult());

    public static DataSample CreditData => Credit.Value;

    public static DataSample ChurnData => Churn.Value;

    public static string SpecPath(string name) => Path.Combine(TestPaths.RepositoryRoot, "shared", "specs", name);

    public static string DataPath(string name) => Path.Combine(TestPaths.RepositoryRoot, "shared", "data", name);

    public static string CreditJson => File.ReadAllText(SpecPath("credit-scoring.json"));

    public static string ChurnJson => File.ReadAllText(SpecPath("telecom-churn.json"));

    public static ProjectSpec CreditSpec => ProjectSpecJson.Parse(CreditJson);

    public static ProjectSpec ChurnSpec => ProjectSpecJson.Parse(ChurnJson);

    /// <summary>A mutable copy of the credit spec for tests that break one thing at a time.</summary>
    public static JsonObject CreditNode() => JsonNode.Parse(CreditJson)!.AsObject();

    public static SpecValidationResult Validate(JsonNode node) => ProjectSpecValidator.ValidateJson(node.ToJsonString());
}
