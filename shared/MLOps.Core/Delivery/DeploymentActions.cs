using System.Globalization;
using MLOps.Core.Registry;
using MLOps.Core.Serving.Endpoints;
using MLOps.Core.Serving.Scoring;

namespace MLOps.Core.Delivery;

/// <summary>
/// What a rollout changes, each step idempotent so a retried activity repeats it harmlessly: an endpoint's routing
/// table (through <see cref="IEndpointTraffic"/>), the rollback to the previous deployments and champion, and the
/// promotion (champion moved, old deployments retired). Refusals no retry can cure (an unknown or refused package, an
/// invalid table, a champion move the policy or a concurrent move refuses) become <see cref="DeploymentRefusedException"/>.
/// </summary>
public sealed class DeploymentActions(IEndpointTraffic traffic, IModelRegistry registry, DeploymentNotices notices)
{
    /// <summary>Applies the table; returns the endpoint's revision.</summary>
    public async Task<int> ApplyAsync(TrafficChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return (await this.RouteAsync(change.Project, change.Endpoint, change.Table, $"cd run {change.RunId}: {change.Reason}", cancellationToken)).Revision;
    }

    public async Task<RollbackRecord> RollBackAsync(RollbackRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string verb = request.Discard ? "discard" : "rollback";
        var restored = new List<string>();
        var notes = new List<string>();
        foreach (EndpointRollout endpoint in request.Endpoints.Where(e => request.Changed.Contains(e.Endpoint)).Reverse())
        {
            if (endpoint.Baseline is { } baseline)
            {
                await this.RouteAsync(
                    request.Project, endpoint.Endpoint, [new TrafficWeight(baseline.Digest, 100)],
                    $"cd run {request.RunId}: {verb} to {baseline}: {request.Reason}", cancellationToken);
                restored.Add(endpoint.Endpoint);
            }
            else
            {
                // A table's answered shares sum to 100: an endpoint that served nothing before cannot be routed back to nothing.
                notes.Add($"endpoint '{endpoint.Endpoint}' served nothing before this run, so it keeps {request.Candidate}: deploy another package or retire it by hand");
            }
        }

        int? champion = await this.RestoreChampionAsync(request, notes, cancellationToken);
        string done = restored.Count == 0
            ? "no endpoint had been changed"
            : $"{string.Join(", ", restored)} back on the previous deployment alone";
        string detail = $"{request.Reason} ({done}{(champion is { } c ? string.Create(CultureInfo.InvariantCulture, $"; champion restored to v{c}") : string.Empty)}{(notes.Count == 0 ? string.Empty : "; " + string.Join("; ", notes))})";
        EndpointRollout last = request.Endpoints.LastOrDefault(e => request.Changed.Contains(e.Endpoint)) ?? request.Endpoints[0];
        await notices.RecordAsync(
            new DeploymentNotice(
                request.Discard ? Events.PlatformEventTypes.DeploymentDiscarded : Events.PlatformEventTypes.DeploymentRolledBack,
                request.RunId, verb, request.Project, request.Candidate, last.Endpoint, last.Baseline, null, request.Gates, detail),
            cancellationToken);
        return new RollbackRecord(restored, champion, notes);
    }

    public async Task<PromotionRecord> PromoteAsync(PromotionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        DeployedPackage candidate = request.Candidate;

        // The champion first: a refused move leaves the old deployments warm, so the rollback that follows is instant.
        AliasMove move;
        try
        {
            move = await registry.MoveAliasAsync(
                request.Project, candidate.Model, ModelAliases.Champion, candidate.Version, DeploymentNotices.Actor,
                expectedCurrent: request.PreviousChampion ?? 0, reason: $"cd run {request.RunId}: every gate passed", cancellationToken);
        }
        catch (Exception e) when (e is AliasConflictException or ApprovalRequiredException or KeyNotFoundException)
        {
            throw new DeploymentRefusedException($"The champion alias of {candidate.Model} could not move to v{candidate.Version}: {e.Message}", e);
        }

        var retired = new List<string>();
        foreach (EndpointRollout endpoint in request.Endpoints)
        {
            await this.RouteAsync(
                request.Project, endpoint.Endpoint, [new TrafficWeight(candidate.Digest, 100)],
                $"cd run {request.RunId}: promoted {candidate}{(endpoint.Baseline is { } b ? $", {b} retired" : string.Empty)}", cancellationToken);
            if (endpoint.Baseline is { } old && old.Digest != candidate.Digest)
            {
                retired.Add($"{endpoint.Endpoint}: {old.DeploymentId}");
            }
        }

        string detail = string.Create(CultureInfo.InvariantCulture,
            $"champion v{move.FromVersion?.ToString(CultureInfo.InvariantCulture) ?? "-"} -> v{move.ToVersion}; serving alone on {string.Join(", ", request.Endpoints.Select(e => e.Endpoint))}{(retired.Count == 0 ? string.Empty : "; retired " + string.Join(", ", retired))}");
        EndpointRollout last = request.Endpoints[^1];
        await notices.RecordAsync(
            new DeploymentNotice(Events.PlatformEventTypes.DeploymentPromoted, request.RunId, "promoted", request.Project, candidate, last.Endpoint, last.Baseline, null, [], detail),
            cancellationToken);
        return new PromotionRecord(move.FromVersion, move.ToVersion, retired);
    }

    /// <summary>Unwinds the champion's move to the candidate, if this run made one (it still points at the candidate and did not before).</summary>
    private async Task<int?> RestoreChampionAsync(RollbackRequest request, List<string> notes, CancellationToken cancellationToken)
    {
        DeployedPackage candidate = request.Candidate;
        IReadOnlyDictionary<string, int> aliases = await registry.ListAliasesAsync(request.Project, candidate.Model, cancellationToken);
        if (!aliases.TryGetValue(ModelAliases.Champion, out int current) || current != candidate.Version || request.PreviousChampion == candidate.Version)
        {
            return null;
        }

        if (request.PreviousChampion is null)
        {
            notes.Add($"the champion alias had no version before this run, so it stays on v{candidate.Version}");
            return null;
        }

        try
        {
            AliasMove back = await registry.RollbackAliasAsync(
                request.Project, candidate.Model, ModelAliases.Champion, DeploymentNotices.Actor, $"cd run {request.RunId}: {request.Reason}", cancellationToken);
            return back.ToVersion;
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException)
        {
            // ApprovalRequired and AliasConflict are InvalidOperationExceptions too: the traffic rollback stands, the alias is reported.
            notes.Add($"the champion alias could not be restored: {e.Message}");
            return null;
        }
    }

    private async Task<ServingEndpoint> RouteAsync(
        string project, string endpoint, IReadOnlyList<TrafficWeight> table, string reason, CancellationToken cancellationToken)
    {
        try
        {
            return await traffic.ApplyAsync(project, endpoint, table, DeploymentNotices.Actor, reason, cancellationToken);
        }
        catch (Exception e) when (e is PackageRefusedException or KeyNotFoundException or ArgumentException)
        {
            throw new DeploymentRefusedException($"Endpoint '{endpoint}' of project '{project}' refused the table {Describe(table)}: {e.Message}", e);
        }
    }

    public static string Describe(IReadOnlyList<TrafficWeight> table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return "[" + string.Join(", ", table.Select(w => string.Create(CultureInfo.InvariantCulture,
            $"{Deployment.IdFor(w.Package)} {w.TrafficPercent}%{(w.MirrorPercent > 0 ? $" (mirror {w.MirrorPercent}%)" : string.Empty)}"))) + "]";
    }
}
