namespace MLOps.Core.Integration;

/// <summary>The names the checks report under; a verdict and its report name a failure by these.</summary>
public static class CheckNames
{
    public const string Parity = "parity";

    public const string InputSchema = "input-schema";

    public const string FeatureSkew = "feature-skew";

    public const string Acceptance = "acceptance";

    public const string Champion = "champion";

    public const string Latency = "latency";

    public const string Robustness = "robustness";

    public const string OnnxSecurity = "onnx-security";

    /// <summary>Demographic-parity difference of one sensitive attribute, e.g. "fairness/demographic-parity/Marital".</summary>
    public static string DemographicParity(string attribute) => $"fairness/demographic-parity/{attribute}";

    /// <summary>Equal-opportunity difference of one sensitive attribute.</summary>
    public static string EqualOpportunity(string attribute) => $"fairness/equal-opportunity/{attribute}";
}
