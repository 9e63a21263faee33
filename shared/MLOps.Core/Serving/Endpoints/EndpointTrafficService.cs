using System.Globalization;
using Microsoft.Extensions.Logging;
using MLOps.Core.Audit;
using MLOps.Core.Naming;
using MLOps.Core.Serving.Scoring;

namespace MLOps.Core.Serving.Endpoints;

/// <summary>
/// <see cref="IEndpointTraffic"/> over the endpoint store and the ONNX workers: a valid table's new packages are
/// opened (verified, of the endpoint's project) and loaded on every ready worker before the table is saved,
/// conditionally on the revision read; each new revision is audited once (event <see cref="AuditEventIds.EndpointRevision"/>)
/// with the reason, and the deployments it drops are retired after their drain (<see cref="DeploymentRetirement"/>).
/// A table the endpoint already has changes nothing and re-asserts the current revision's audit event, which appends
/// nothing when it is recorded (a retry after a crash between the save and the audit records it).
/// </summary>
public sealed class EndpointTrafficService(
    IEndpointStore endpoints,
    IPackageScoring scoring,
    IAuditLog audit,
    DeploymentRetirement retirement,
    TimeProvider clock,
    ILogger<EndpointTrafficService> logger) : IEndpointTraffic
{
    public const string AuditAction = "serving.endpoint.traffic";

    public async Task<ServingEndpoint> ApplyAsync(
        string project, string endpoint, IReadOnlyList<TrafficWeight> table, string principal, string reason, CancellationToken cancellationToken = default) =>
        (await this.ChangeAsync(project, endpoint, table, principal, reason, null, cancellationToken)).Endpoint;

    /// <summary>
    /// As <see cref="ApplyAsync"/>, and conditional on <paramref name="expectedRevision"/> when given (0: the endpoint
    /// must not exist yet); a revision that moved throws <see cref="EndpointConflictException"/>.
    /// </summary>
    public async Task<TrafficOutcome> ChangeAsync(
        string project, string endpoint, IReadOnlyList<TrafficWeight> table, string principal, string reason, int? expectedRevision,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(principal);
        ArgumentNullException.ThrowIfNull(reason);
        Validate(project, endpoint, table, reason);
        ServingEndpoint? current = await endpoints.GetAsync(project, endpoint, cancellationToken);
        int revision = current?.Revision ?? 0;
        if (expectedRevision is { } expected && expected != revision)
        {
            throw new EndpointConflictException(string.Create(CultureInfo.InvariantCulture,
                $"Endpoint '{endpoint}' is at revision {revision}, not {expected} (expectedRevision); read it and try again."));
        }

        if (current is not null && TrafficTable.Matches(current.Deployments, table))
        {
            await this.AuditAsync(current, current.UpdatedBy, reason, [], cancellationToken);
            return new TrafficOutcome(current, Created: false, Changed: false, []);
        }

        var added = new List<(Deployment Deployment, ScoringPackage Package)>();
        var next = new List<Deployment>(table.Count);
        for (int i = 0; i < table.Count; i++)
        {
            TrafficWeight weight = table[i];
            Deployment? deployment = current?.Deployments.FirstOrDefault(d => d.Package == weight.Package);
            if (deployment is null)
            {
                ScoringPackage package = await this.OpenAsync(project, weight.Package, i, cancellationToken);
                deployment = NewDeployment(package, principal);
                added.Add((deployment, package));
            }

            next.Add(deployment with { TrafficPercent = weight.TrafficPercent, MirrorPercent = weight.MirrorPercent });
        }

        List<Uri> loaded = [];
        foreach ((Deployment deployment, ScoringPackage package) in added)
        {
            loaded.AddRange(await this.LoadAsync(project, endpoint, deployment, package, cancellationToken));
        }

        ServingEndpoint saved = await endpoints.SaveAsync(
            new ServingEndpoint
            {
                Project = project,
                Name = endpoint,
                Deployments = [.. next.OrderBy(d => d.Id, StringComparer.Ordinal)],
                Revision = revision,
                UpdatedAt = clock.GetUtcNow(),
                UpdatedBy = principal,
            },
            revision,
            cancellationToken);
        Deployment[] retired = [.. current?.Deployments.Where(d => saved.Deployments.All(n => n.Id != d.Id)) ?? []];
        await this.AuditAsync(saved, principal, reason, retired, cancellationToken);
        logger.LogInformation("Endpoint {Project}/{Endpoint} is at revision {Revision}: {Table}", project, endpoint, saved.Revision, TrafficTable.Describe(saved.Deployments));
        retirement.Retire(project, endpoint, retired);
        return new TrafficOutcome(saved, Created: current is null, Changed: true, [.. loaded.Distinct()]);
    }

    private static void Validate(string project, string endpoint, IReadOnlyList<TrafficWeight> table, string reason)
    {
        string[] problems =
        [
            .. NameRules.Project.Problem("project", project) is { } p ? [p] : Array.Empty<string>(),
            .. NameRules.Endpoint.Problem("endpoint", endpoint) is { } e ? [e] : Array.Empty<string>(),
            .. TrafficTable.Problems(table),
            .. NameRules.Reason.Problem("reason", reason) is { } r ? [r] : Array.Empty<string>(),
        ];
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join("; ", problems));
        }
    }

    private async Task<ScoringPackage> OpenAsync(string project, string digest, int row, CancellationToken cancellationToken)
    {
        string field = string.Create(CultureInfo.InvariantCulture, $"weights[{row}].package");
        ScoringPackage? package;
        try
        {
            package = await scoring.OpenAsync(digest, cancellationToken);
        }
        catch (PackageRefusedException e)
        {
            throw new PackageRefusedException($"{field}: package {digest} does not verify, so it is not deployed: {e.Message}", e);
        }

        return package is null
            ? throw new KeyNotFoundException($"{field}: no built package has digest {digest}; build the model version's package first (a package exists once it is committed and signed).")
            : string.Equals(package.Project, project, StringComparison.Ordinal)
            ? package
            : throw new ArgumentException($"{field}: {digest} is a package of project '{package.Project}', not '{project}'.");
    }

    private Deployment NewDeployment(ScoringPackage package, string principal) => new()
    {
        Id = Deployment.IdFor(package.Digest),
        Package = package.Digest,
        Model = package.Model,
        ModelVersion = package.Version,
        Task = package.Task,
        CreatedAt = clock.GetUtcNow(),
        CreatedBy = principal,
    };

    /// <summary>Loads a new deployment on the ready workers; none ready is no failure (they load it on first score).</summary>
    private async Task<IReadOnlyList<Uri>> LoadAsync(string project, string endpoint, Deployment deployment, ScoringPackage package, CancellationToken cancellationToken)
    {
        try
        {
            return await scoring.LoadAsync(package, deployment.ServingName(project, endpoint), cancellationToken);
        }
        catch (PackageRefusedException e)
        {
            throw new PackageRefusedException($"A worker refused package {package.Digest}, so endpoint '{endpoint}' is unchanged: {e.Message}", e);
        }
        catch (NoReadyWorkerException)
        {
            return [];
        }
    }

    private async Task AuditAsync(ServingEndpoint endpoint, string principal, string reason, Deployment[] retired, CancellationToken cancellationToken)
    {
        string table = TrafficTable.Describe(endpoint.Deployments);
        string outcome = string.Create(CultureInfo.InvariantCulture, $"revision {endpoint.Revision}: {table}");
        if (retired.Length > 0)
        {
            outcome += $"; retired {string.Join(", ", retired.Select(d => d.Id))}";
        }

        if (reason.Length > 0)
        {
            outcome += $"; reason: {reason}";
        }

        await audit.AppendAsync(
            new AuditEntry(principal, AuditAction, $"{endpoint.Project}/endpoints/{endpoint.Name}", AuditHashing.Sha256(table), outcome,
                AuditEventIds.EndpointRevision(endpoint.Project, endpoint.Name, endpoint.Revision)),
            cancellationToken);
    }
}
