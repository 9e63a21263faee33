using System.Globalization;
using Microsoft.Extensions.Logging;
using MLOps.Core.Audit;
using MLOps.Core.Serving.Scoring;

namespace MLOps.Core.Serving.Endpoints;

/// <summary>
/// Points an endpoint at a package (<c>PUT …/endpoints/{endpoint}</c>). The package must be committed and of the
/// endpoint's project. It is loaded on every ready worker before the endpoint changes, so the first score does not
/// wait for a load and a package a worker refuses leaves the endpoint as it was (409); a worker that was not ready,
/// or starts later, loads it on its first score (lazy). A change is conditional on the revision it read, audited
/// once per revision, and the replaced deployment is unloaded from the ready workers.
/// </summary>
public sealed class EndpointDeployer(
    IEndpointStore endpoints,
    IPackageScoring scoring,
    IAuditLog audit,
    TimeProvider clock,
    ILogger<EndpointDeployer> logger)
{
    public async Task<DeployOutcome> DeployAsync(
        string project, string name, string digest, int? expectedRevision, string principal, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(digest);
        ArgumentException.ThrowIfNullOrEmpty(principal);
        ScoringPackage? package;
        try
        {
            package = await scoring.OpenAsync(digest, cancellationToken);
        }
        catch (PackageRefusedException e)
        {
            return DeployOutcome.Refused(409, $"Package {digest} does not verify, so it is not deployed: {e.Message}");
        }

        if (package is null)
        {
            return DeployOutcome.Refused(404, $"No built package has digest {digest}: build the model version's package first (a package exists once it is committed and signed).");
        }

        if (!string.Equals(package.Project, project, StringComparison.Ordinal))
        {
            return DeployOutcome.Refused(400, $"package: {digest} is a package of project '{package.Project}', not '{project}'.");
        }

        ServingEndpoint? current = await endpoints.GetAsync(project, name, cancellationToken);
        int revision = current?.Revision ?? 0;
        if (expectedRevision is { } expected && expected != revision)
        {
            return DeployOutcome.Refused(409, string.Create(CultureInfo.InvariantCulture,
                $"Endpoint '{name}' is at revision {revision}, not {expected} (expectedRevision); read it and try again."));
        }

        Deployment deployment = current?.Deployments.FirstOrDefault(d => d.Package == digest) ?? new Deployment
        {
            Id = Deployment.IdFor(digest),
            Package = digest,
            Model = package.Model,
            ModelVersion = package.Version,
            Task = package.Task,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = principal,
        };

        IReadOnlyList<Uri> loaded;
        try
        {
            loaded = await scoring.LoadAsync(package, deployment.ServingName(project, name), cancellationToken);
        }
        catch (PackageRefusedException e)
        {
            return DeployOutcome.Refused(409, $"A worker refused package {digest}, so endpoint '{name}' is unchanged: {e.Message}");
        }
        catch (NoReadyWorkerException)
        {
            loaded = [];
        }

        if (current is not null && current.Deployments.Count == 1 && current.Deployments[0] == deployment)
        {
            return new DeployOutcome(200, current, loaded);
        }

        ServingEndpoint saved;
        try
        {
            saved = await endpoints.SaveAsync(
                new ServingEndpoint
                {
                    Project = project,
                    Name = name,
                    Deployments = [deployment],
                    Revision = revision,
                    UpdatedAt = clock.GetUtcNow(),
                    UpdatedBy = principal,
                },
                revision,
                cancellationToken);
        }
        catch (EndpointConflictException e)
        {
            return DeployOutcome.Refused(409, e.Message);
        }

        await audit.AppendAsync(
            new AuditEntry(
                principal,
                "serving.endpoint.deployed",
                $"{project}/endpoints/{name}",
                AuditHashing.Sha256(digest),
                string.Create(CultureInfo.InvariantCulture, $"revision {saved.Revision}: deployment {deployment.Id} of package {digest} ({package.Model} v{package.Version})"),
                AuditEventIds.EndpointRevision(project, name, saved.Revision)),
            cancellationToken);
        await this.UnloadReplacedAsync(project, name, current, deployment);
        return new DeployOutcome(current is null ? 201 : 200, saved, loaded);
    }

    /// <summary>Best effort: a replaced deployment left loaded only costs memory until the worker restarts.</summary>
    private async Task UnloadReplacedAsync(string project, string name, ServingEndpoint? previous, Deployment current)
    {
        foreach (Deployment replaced in previous?.Deployments.Where(d => d.Id != current.Id) ?? [])
        {
            try
            {
                await scoring.UnloadAsync(replaced.ServingName(project, name), CancellationToken.None);
            }
            catch (Exception e) when (e is NoReadyWorkerException or WorkerFailedException or HttpRequestException)
            {
                logger.LogWarning("Could not unload replaced deployment {Deployment} of {Project}/{Endpoint}: {Error}", replaced.Id, project, name, e.Message);
            }
        }
    }
}
