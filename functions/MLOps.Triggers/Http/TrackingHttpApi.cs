using Microsoft.AspNetCore.Http;
using MLOps.Core.DataEngineering;
using MLOps.Core.Security;
using MLOps.Core.Tracking;

namespace MLOps.Triggers.Http;

/// <summary>
/// Experiment tracking, read side: <c>GET /api/projects/{project}/runs</c> (filters, metric or <c>params.*</c>
/// condition, order, top; names ignore case, unknown ones are a 400 listing the known), <c>…/runs/{runId}</c>, <c>…/runs/compare?ids=…</c> and <c>…/runs/best?experiment=&amp;metric=</c>.
/// ASP.NET ranks the literal segments <c>compare</c> and <c>best</c> above <c>{runId}</c>, but the Functions host
/// orders routes by function name (azure-functions-host#9876), so <see cref="GetAsync"/> dispatches those two
/// words itself: either host answers the same, and neither word can be a run id over HTTP.
/// </summary>
public sealed class TrackingHttpApi(IExperimentTracker tracker, RequestGuard guard)
{
    /// <summary>Runs side by side: more than this is unreadable and fans out too many point reads.</summary>
    public const int MaxCompared = 20;

    public const int MaxTop = 1000;

    public const string CompareSegment = "compare";

    public const string BestSegment = "best";

    public async Task<IResult> SearchAsync(HttpRequest request, string project)
    {
        if (!this.Authorized(request, out IResult? denied))
        {
            return denied;
        }

        if (!QueryValues.TryEnum(request, "status", out RunStatus? status))
        {
            return Problems.BadRequest($"'status' must be one of {string.Join(", ", Enum.GetNames<RunStatus>())}.");
        }

        MetricCondition? condition = null;
        if (request.Query.TryGetValue("where", out var where))
        {
            try
            {
                condition = MetricCondition.Parse(where.ToString());
            }
            catch (FormatException ex)
            {
                return Problems.BadRequest($"'where' is invalid: {ex.Message}");
            }
        }

        if (!QueryValues.TryInt(request, "top", 1, MaxTop, out int? top))
        {
            return Problems.BadRequest($"'top' must be a whole number from 1 to {MaxTop}.");
        }

        if (!QueryValues.TryBool(request, "ascending", out bool? ascending))
        {
            return Problems.BadRequest("'ascending' must be true or false.");
        }

        var filter = new RunFilter
        {
            Experiment = NullIfEmpty(request.Query["experiment"]),
            Status = status,
            Algorithm = NullIfEmpty(request.Query["algorithm"]),
            Metric = condition,
            OrderBy = NullIfEmpty(request.Query["orderBy"]),
            Descending = ascending != true,
            Top = top,
        };
        try
        {
            return Results.Json(await tracker.SearchRunsAsync(project, filter, request.HttpContext.RequestAborted), DataEngineeringJson.Options);
        }
        catch (UnknownRunValueException ex)
        {
            return Unknown(ex.Field == nameof(RunFilter.Metric) ? "where" : "orderBy", ex);
        }
    }

    public async Task<IResult> GetAsync(HttpRequest request, string project, string runId)
    {
        switch (runId)
        {
            case CompareSegment:
                return await this.CompareAsync(request, project);
            case BestSegment:
                return await this.BestAsync(request, project);
        }

        if (!this.Authorized(request, out IResult? denied))
        {
            return denied;
        }

        RunRecord? run = await tracker.GetRunAsync(project, runId, request.HttpContext.RequestAborted);
        return run is null
            ? Problems.NotFound($"Project '{project}' has no run '{runId}'.")
            : Results.Json(run, DataEngineeringJson.Options);
    }

    public async Task<IResult> CompareAsync(HttpRequest request, string project)
    {
        if (!this.Authorized(request, out IResult? denied))
        {
            return denied;
        }

        string[] ids = [.. request.Query["ids"].OfType<string>().Where(id => id.Length > 0)];
        if (ids.Length is < 2 or > MaxCompared || ids.Distinct(StringComparer.Ordinal).Count() != ids.Length)
        {
            return Problems.BadRequest($"'ids' must name 2 to {MaxCompared} different runs, one 'ids' parameter each.");
        }

        try
        {
            return Results.Json(await tracker.CompareRunsAsync(project, ids, request.HttpContext.RequestAborted), DataEngineeringJson.Options);
        }
        catch (KeyNotFoundException ex)
        {
            return Problems.NotFound(ex.Message);
        }
    }

    public async Task<IResult> BestAsync(HttpRequest request, string project)
    {
        if (!this.Authorized(request, out IResult? denied))
        {
            return denied;
        }

        string? experiment = NullIfEmpty(request.Query["experiment"]), metric = NullIfEmpty(request.Query["metric"]);
        if (experiment is null || metric is null)
        {
            return Problems.BadRequest($"Name the '{(experiment is null ? "experiment" : "metric")}' to pick the best run of.");
        }

        if (!QueryValues.TryBool(request, "higherIsBetter", out bool? higherIsBetter))
        {
            return Problems.BadRequest("'higherIsBetter' must be true or false.");
        }

        RunRecord? best = await tracker.BestRunAsync(project, experiment, metric, higherIsBetter ?? true, request.HttpContext.RequestAborted);
        return best is null
            ? Problems.NotFound($"No completed run of experiment '{experiment}' in project '{project}' has metric '{metric}'.")
            : Results.Json(best, DataEngineeringJson.Options);
    }

    /// <summary>A 400 naming the parameter and listing the names the searched runs do have (metrics, and parameters as <c>params.*</c>).</summary>
    private static IResult Unknown(string parameter, UnknownRunValueException ex) =>
        Problems.BadRequest($"'{parameter}' names '{ex.Name}', which no run here has. {ex.Message}", ex.Known);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private bool Authorized(HttpRequest request, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out IResult? denied)
    {
        ArgumentNullException.ThrowIfNull(request);
        return guard.TryAuthorize(request, Permission.ReadProjects, out _, out denied);
    }
}
