using MLOps.Core.Delivery.Gates;
using MLOps.Core.Packaging;
using MLOps.Core.Projects;
using MLOps.Core.Registry;
using MLOps.Core.Requirements;
using MLOps.Core.Serving.Endpoints;

namespace MLOps.Core.Delivery;

/// <summary>
/// Makes a deployment request concrete when its run starts: the package must be the built package of a registered
/// version whose continuous-integration build passed; each endpoint's live deployment (the one answering the largest
/// share) is what the new package is judged against and rolled back to; the strategy is the request's or the spec's
/// first preference; the latency gate defaults to the spec's p95 budget; an approval is needed when the project's
/// risk tier names production approvers, unless the version already carries one that satisfies the policy.
/// </summary>
public sealed class DeploymentResolver(
    IProjectGatesSource projects, IModelRegistry registry, IModelPackageStore packages, IEndpointStore endpoints)
{
    public async Task<ResolvedDeployment> ResolveAsync(DeploymentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ProjectGates gates = await projects.GetGatesAsync(request.Project, cancellationToken)
            ?? throw DeploymentRefusedException.For("project", RegisteredProjectCheck.NotRegistered(request.Project)["project: ".Length..]);
        ModelVersion version = await this.VersionAsync(request, cancellationToken);
        var candidate = new DeployedPackage(version.Package.Digest!, version.Name, version.Version);
        (RolloutStrategy strategy, string? note) = Strategy(request, gates);

        var rollouts = new List<EndpointRollout>();
        foreach (string name in request.Endpoints)
        {
            ServingEndpoint? endpoint = await endpoints.GetAsync(request.Project, name, cancellationToken);
            Deployment? live = endpoint?.Deployments.Where(d => d.Package != candidate.Digest).OrderByDescending(d => d.TrafficPercent).FirstOrDefault();
            bool servesAlone = endpoint is { Deployments.Count: 1 } && endpoint.Deployments[0].Package == candidate.Digest;
            DeployedPackage? baseline = live is null ? null : new DeployedPackage(live.Package, live.Model, live.ModelVersion);
            RolloutPlan plan;
            try
            {
                plan = RolloutPlanner.Plan(strategy, baseline is not null);
            }
            catch (DeploymentRefusedException e)
            {
                throw DeploymentRefusedException.For("strategy", $"endpoint '{name}': {e.Message}", e);
            }

            rollouts.Add(new EndpointRollout(name, baseline, servesAlone, plan));
        }

        IReadOnlyDictionary<string, int> aliases = await registry.ListAliasesAsync(request.Project, version.Name, cancellationToken);
        int? champion = aliases.TryGetValue(ModelAliases.Champion, out int c) ? c : null;
        ApprovalRequirement? approval = null;
        if (gates.Approval.RequiresHumanApproval)
        {
            approval = new ApprovalRequirement(
                request.Project, version.Name, version.Version, gates.Approval.ProductionApprovers[0], version.CreatedBy, gates.Approval.SeparationOfDuties, gates.Approval.Tier);
        }

        bool approved = approval is not null && ApprovalRules.IsSatisfiedBy(approval, version);
        return new ResolvedDeployment(
            request.Project,
            candidate,
            rollouts,
            champion,
            approved ? null : approval,
            approved ? version.ApprovedBy : null,
            Bounds(request.Gates, gates.Latency),
            strategy,
            string.Join("; ", new[] { request.Source, note }.OfType<string>()) is { Length: > 0 } joined ? joined : null);
    }

    /// <summary>The version to deploy, whose built package passed continuous integration.</summary>
    private async Task<ModelVersion> VersionAsync(DeploymentRequest request, CancellationToken cancellationToken)
    {
        (string model, int number) = request.Package is { } digest ? await this.VersionOfAsync(request.Project, digest, cancellationToken) : (request.Model!, request.Version!.Value);
        ModelVersion version = await registry.GetVersionAsync(request.Project, model, number, cancellationToken)
            ?? throw DeploymentRefusedException.For(request.Package is null ? "version" : "package", $"{ModelUri.ForVersion(model, number)} is not a committed version of project '{request.Project}'.");
        string name = $"{version.Uri} ({request.Project})";
        if (version.Package is not { State: PackageBuildState.Built, Digest: { } built })
        {
            throw DeploymentRefusedException.For(Field(request), $"{name} has no built package ({version.Package.State}): run the ci pipeline first.");
        }

        if (request.Package is { } asked && asked != built)
        {
            throw DeploymentRefusedException.For("package", $"Package {asked} is not the built package of {name}, which is {built}.");
        }

        return version.Package.Checks is { Passed: true }
            ? version
            : throw DeploymentRefusedException.For(Field(request), version.Package.Checks is { } checks
                ? $"{name}: package {built} failed continuous integration ({checks.Summary}), so it is not deployed."
                : $"{name}: package {built} has no continuous-integration verdict yet, so it is not deployed: run the ci pipeline first.");
    }

    /// <summary>Which version a package holds, from its descriptor; the registry then confirms the package is that version's.</summary>
    private async Task<(string Model, int Version)> VersionOfAsync(string project, string digest, CancellationToken cancellationToken)
    {
        // Visible first: a package is committed once signed, and a half-written one has no say.
        await using Stream? stream = await packages.ExistsAsync(digest, cancellationToken)
            ? await packages.OpenAsync(digest, PackageLayout.Descriptor, cancellationToken)
            : null;
        if (stream is null)
        {
            throw DeploymentRefusedException.For("package", $"No built package has the digest {digest}.");
        }

        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        PackageDescriptor descriptor;
        try
        {
            descriptor = PackageDescriptor.Parse(buffer.ToArray());
        }
        catch (InvalidDataException e)
        {
            throw DeploymentRefusedException.For("package", $"Package {digest} cannot be read: {e.Message}", e);
        }

        return descriptor.Project == project
            ? (descriptor.Model, descriptor.Version)
            : throw DeploymentRefusedException.For("package", $"Package {digest} is a package of project '{descriptor.Project}', not '{project}'.");
    }

    private static (RolloutStrategy Strategy, string? Note) Strategy(DeploymentRequest request, ProjectGates gates)
    {
        if (request.Strategy is { } asked)
        {
            return (asked, null);
        }

        (RolloutStrategy? fromSpec, string? note) = SpecRollouts.From(gates.Deployment);
        if (fromSpec is null)
        {
            throw DeploymentRefusedException.For("strategy", $"the request names none and the spec of project '{request.Project}' names no deployment preference.");
        }

        IReadOnlyList<string> problems = fromSpec.Validate("spec deployment[0]");
        return problems.Count == 0
            ? (fromSpec, note is null ? $"strategy from the spec: {SpecDescriptions.Describe(gates.Deployment[0])}" : $"strategy from the spec: {note}")
            : throw DeploymentRefusedException.For("strategy", $"the spec's deployment preference cannot be carried out: {string.Join("; ", problems)}.");
    }

    private static GateBounds Bounds(GateBounds? asked, LatencyBudget budget)
    {
        GateBounds bounds = asked ?? new GateBounds();
        return bounds.MaxP95LatencyMs is null ? bounds with { MaxP95LatencyMs = budget.P95Ms } : bounds;
    }

    private static string Field(DeploymentRequest request) => request.Package is null ? "version" : "package";
}
