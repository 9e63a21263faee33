using System.Globalization;

namespace MLOps.Core.Integration.Builds;

/// <summary>
/// Where a build is kept in the <c>builds</c> container: <c>{project}/{model}/v{version}/{buildId}/report.html</c>, then
/// <c>…/build.json</c>, written last, create-if-absent: a build exists iff its record does.
/// </summary>
public static class BuildLayout
{
    public static string Folder(CheckTarget target, string buildId)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrWhiteSpace(buildId);
        return string.Create(CultureInfo.InvariantCulture, $"{target.Project}/{target.Model}/v{target.Version}/{buildId}/");
    }

    public static string Record(CheckTarget target, string buildId) => Folder(target, buildId) + "build.json";

    public static string Report(CheckTarget target, string buildId) => Folder(target, buildId) + "report.html";
}
