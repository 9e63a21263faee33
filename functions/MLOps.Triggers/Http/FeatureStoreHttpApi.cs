using System.Globalization;
using Microsoft.AspNetCore.Http;
using MLOps.Core.FeatureStore;
using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.Lineage;
using MLOps.Core.Security;

namespace MLOps.Triggers.Http;

/// <summary>
/// The feature store and lineage, read side: <c>GET /api/projects/{project}/feature-sets[/{version}[/statistics]]</c>
/// (version: a number, <c>latest</c> or a hash prefix), <c>GET /api/projects/{project}/online-features?key=…</c>
/// (repeat <c>key</c> for a batch) and <c>GET /api/lineage?kind=…&amp;id=…&amp;direction=upstream|downstream</c>.
/// </summary>
public sealed class FeatureStoreHttpApi(
    OfflineFeatureStore offline,
    OnlineFeatureStore online,
    FeatureStatisticsStore statistics,
    LineageStore lineage,
    RequestGuard guard,
    Microsoft.Extensions.Options.IOptions<HttpApiOptions> options)
{
    /// <summary>Keys per batch lookup: one request, bounded fan-out of point reads.</summary>
    public const int MaxKeys = 100;

    public async Task<IResult> ListAsync(HttpRequest request, string project)
    {
        if (!Authorized(request, out IResult? denied))
        {
            return denied;
        }

        return Results.Ok(await offline.ListAsync(project, request.HttpContext.RequestAborted));
    }

    public async Task<IResult> GetAsync(HttpRequest request, string project, string version)
    {
        if (!Authorized(request, out IResult? denied))
        {
            return denied;
        }

        (FeatureSetVersion? found, IResult? invalid) = await this.FindAsync(project, version, request);
        if (invalid is not null)
        {
            return invalid;
        }

        return found is null ? NoVersion(project, version) : Results.Ok(found);
    }

    public async Task<IResult> GetStatisticsAsync(HttpRequest request, string project, string version)
    {
        if (!Authorized(request, out IResult? denied))
        {
            return denied;
        }

        (FeatureSetVersion? found, IResult? invalid) = await this.FindAsync(project, version, request);
        if (invalid is not null)
        {
            return invalid;
        }

        FeatureStatistics? stats = found is null ? null : await statistics.LoadAsync(project, found.Version, request.HttpContext.RequestAborted);
        return stats is null ? NoVersion(project, version) : Results.Json(stats, FeatureStatisticsStore.Json);
    }

    /// <summary>
    /// <c>POST …/feature-sets/{version}/training-set</c>: for each label event, the entity's latest feature row at or
    /// before the label's time (never a later one); events with no such row are left out.
    /// </summary>
    public async Task<IResult> TrainingSetAsync(HttpRequest request, string project, string version)
    {
        if (!Authorized(request, out IResult? denied))
        {
            return denied;
        }

        (TrainingSetRequest? body, IResult? problem) = await JsonBody.ReadAsync<TrainingSetRequest>(request, options.Value.MaxBodyBytes);
        if (body is null)
        {
            return problem!;
        }

        (FeatureSetVersion? found, IResult? invalid) = await this.FindAsync(project, version, request);
        if (invalid is not null)
        {
            return invalid;
        }

        if (found is null)
        {
            return NoVersion(project, version);
        }

        if (found.EventTime is null)
        {
            return Problems.BadRequest($"Version {found.Version} of '{project}' has no event-time column, so it cannot be joined point-in-time.");
        }

        FeatureFrame frame = await offline.PointInTimeAsync(found, body.Labels, request.HttpContext.RequestAborted);
        return Results.Ok(new
        {
            version = found.Version,
            rows = Enumerable.Range(0, frame.Rows).Select(r => new
            {
                key = frame.Keys[r],
                time = frame.EventTimes?[r],
                label = frame.Labels?[r],
                features = frame.Features.ToDictionary(f => f.Name, f => double.IsNaN(f.Values[r]) ? (double?)null : f.Values[r]),
            }),
        });
    }

    public async Task<IResult> GetOnlineAsync(HttpRequest request, string project)
    {
        if (!Authorized(request, out IResult? denied))
        {
            return denied;
        }

        string[] keys = [.. request.Query["key"].OfType<string>().Distinct(StringComparer.Ordinal)];
        if (keys.Length is 0 or > MaxKeys)
        {
            return Problems.BadRequest($"Name 1 to {MaxKeys} entity keys with 'key' query parameters.");
        }

        IReadOnlyDictionary<string, OnlineFeatureVector> found = await online.GetManyAsync(project, keys, request.HttpContext.RequestAborted);
        return Results.Ok(new
        {
            vectors = keys.Where(found.ContainsKey).Select(k => Vector(found[k])),
            missing = keys.Where(k => !found.ContainsKey(k)),
        });
    }

    public async Task<IResult> GetLineageAsync(HttpRequest request)
    {
        if (!Authorized(request, out IResult? denied))
        {
            return denied;
        }

        string? kind = request.Query["kind"], id = request.Query["id"], direction = request.Query["direction"];
        int depth = 16;
        if (string.IsNullOrWhiteSpace(kind) || kind.Contains(':', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(id)
            || direction is not (null or "upstream" or "downstream")
            || (request.Query.TryGetValue("depth", out var text) && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out depth) || depth is < 1 or > 64)))
        {
            return Problems.BadRequest("Give 'kind' and 'id' of a lineage node, optionally 'direction' (upstream or downstream) and 'depth' (1-64).");
        }

        var node = new LineageNode(kind, id);
        IReadOnlyList<LineageEdge> edges = direction == "downstream"
            ? await lineage.DownstreamAsync(node, depth, request.HttpContext.RequestAborted)
            : await lineage.UpstreamAsync(node, depth, request.HttpContext.RequestAborted);
        return edges.Count == 0 ? Problems.NotFound($"No lineage recorded for {node}.") : Results.Ok(new { node, edges });
    }

    // Doubles go out as JSON numbers; NaN (missing) has no JSON number, so it goes out as null.
    private static object Vector(OnlineFeatureVector vector) => new
    {
        vector.Key,
        vector.Version,
        vector.FeatureSetSha256,
        Values = vector.Values.ToDictionary(v => v.Key, v => double.IsNaN(v.Value) ? (double?)null : v.Value),
    };

    private async Task<(FeatureSetVersion? Found, IResult? Invalid)> FindAsync(string project, string version, HttpRequest request)
    {
        try
        {
            return (await offline.GetAsync(project, version, request.HttpContext.RequestAborted), null);
        }
        catch (ArgumentException ex)
        {
            return (null, Problems.BadRequest(ex.Message));
        }
    }

    private static IResult NoVersion(string project, string version) =>
        Problems.NotFound($"Project '{project}' has no feature-set version '{version}'.");

    private bool Authorized(HttpRequest request, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out IResult? denied)
    {
        ArgumentNullException.ThrowIfNull(request);
        return guard.TryAuthorize(request, Permission.ReadProjects, out _, out denied);
    }
}
