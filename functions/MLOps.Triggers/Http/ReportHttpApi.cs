using System.Globalization;
using Microsoft.AspNetCore.Http;
using MLOps.Core.Registry;
using MLOps.Core.Reports;
using MLOps.Core.Security;
using MLOps.Triggers.Reports;

namespace MLOps.Triggers.Http;

/// <summary>
/// Reports over HTTP, each found through the record that names it (<see cref="ReportLibrary"/>), in HTML, JSON or its
/// native format by extension or <c>Accept</c> (<see cref="ReportRequest"/>):
/// <c>GET /api/projects/{project}/reports/{design|feasibility}[?version=n]</c>,
/// <c>…/reports/feature-sets/{version}/{quality|cleaning|profile}</c>, <c>…/reports/runs/{runId}/roc</c> and
/// <c>…/reports/models/{name}/versions/{version}/card</c>. 404 names what is missing.
/// </summary>
public sealed class ReportHttpApi(ReportLibrary library, RequestGuard guard)
{
    public async Task<IResult> ProjectReportAsync(HttpRequest request, string project, string report)
    {
        if (!this.Begin(request, report, ReportLibrary.ProjectReports, out ReportRequest? asked, out IResult? refused))
        {
            return refused;
        }

        int? version = null;
        if (request.Query.TryGetValue("version", out var text))
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) || parsed < 1)
            {
                return Problems.BadRequest("'version' must be a whole number from 1.");
            }

            version = parsed;
        }

        return Respond(await library.ProjectAsync(project, asked.Name, version, request.HttpContext.RequestAborted), asked, request);
    }

    public async Task<IResult> FeatureSetReportAsync(HttpRequest request, string project, string version, string report) =>
        this.Begin(request, report, ReportLibrary.FeatureSetReports, out ReportRequest? asked, out IResult? refused)
            ? Respond(await library.FeatureSetAsync(project, version, asked.Name, request.HttpContext.RequestAborted), asked, request)
            : refused;

    public async Task<IResult> RunReportAsync(HttpRequest request, string project, string runId, string report)
    {
        if (!this.Begin(request, report, ReportLibrary.RunReports, out ReportRequest? asked, out IResult? refused))
        {
            return refused;
        }

        // The curve's points are a JSON artifact of their own; every other format starts from the SVG.
        bool points = asked.Format == ReportFormat.Json;
        return Respond(await library.RunAsync(project, runId, asked.Name, points, request.HttpContext.RequestAborted), asked, request);
    }

    public async Task<IResult> ModelReportAsync(HttpRequest request, string project, string name, string version, string report)
    {
        if (!this.Begin(request, report, ReportLibrary.ModelReports, out ReportRequest? asked, out IResult? refused))
        {
            return refused;
        }

        if (!ModelAliases.IsValidModelName(name) || !int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number < 1)
        {
            return Problems.BadRequest("The model name must be letters, digits, '.', '_' or '-' and the version a whole number from 1.");
        }

        return Respond(await library.ModelAsync(project, name, number, asked.Name, request.HttpContext.RequestAborted), asked, request);
    }

    private static IResult Respond(ReportLookup lookup, ReportRequest asked, HttpRequest request)
    {
        if (lookup.Document is not { } document)
        {
            return Problems.NotFound(lookup.Missing!);
        }

        return ReportRenderer.Render(document, asked.Format ?? document.Native, request.HttpContext.Response)
            ?? Problems.NotAcceptable($"The {asked.Name} report comes as {ReportRenderer.FormatsOf(document.Native)}.");
    }

    private bool Begin(
        HttpRequest request, string report, IReadOnlyList<string> known,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReportRequest? asked,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out IResult? refused)
    {
        ArgumentNullException.ThrowIfNull(request);
        asked = null;
        if (!guard.TryAuthorize(request, Permission.ReadProjects, out _, out refused))
        {
            return false;
        }

        asked = ReportRequest.Parse(report, request);
        if (!known.Contains(asked.Name, StringComparer.Ordinal))
        {
            refused = Problems.NotFound($"There is no report '{asked.Name}' here; the reports are {string.Join(", ", known)}.");
            asked = null;
            return false;
        }

        return true;
    }
}
