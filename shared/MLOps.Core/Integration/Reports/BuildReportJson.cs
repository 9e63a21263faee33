using MLOps.Core.DataEngineering;

namespace MLOps.Core.Integration.Reports;

/// <summary>
/// A build verdict as JSON, in the data reports' shape (camel case, enums by name, comparisons as "&lt;=" / "&gt;=",
/// non-finite figures as null); the verdict's passed flag, failing checks and summary are written beside the results.
/// </summary>
public static class BuildReportJson
{
    public static string Render(BuildVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return DataEngineeringJson.Serialize(verdict);
    }

    public static BuildVerdict Read(string json) => DataEngineeringJson.Deserialize<BuildVerdict>(json);
}
