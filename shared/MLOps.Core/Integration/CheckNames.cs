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

    /// <summary>The fairness checks as a whole: the name a result takes when none is per attribute (none declared, a task without labels).</summary>
    public const string Fairness = "fairness";

    /// <summary>The quality checks as a whole (acceptance and champion), for a result that covers both.</summary>
    public const string Quality = "quality";

    /// <summary>Demographic-parity difference of one sensitive attribute, e.g. "fairness/demographic-parity/Marital".</summary>
    public static string DemographicParity(string attribute) => $"fairness/demographic-parity/{attribute}";

    /// <summary>Equal-opportunity difference of one sensitive attribute.</summary>
    public static string EqualOpportunity(string attribute) => $"fairness/equal-opportunity/{attribute}";
}
