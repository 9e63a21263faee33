using Azure;
using Azure.Data.Tables;
using MLOps.Core.Audit;

namespace MLOps.Core.Registry;

/// <summary>
/// The build state of each version's model package (<see cref="PackageBuild"/>), in a row beside the version's
/// (<see cref="RegistryTableLayout.PackageRow"/>) and merged into every version a reader gets. Written by
/// create-if-absent or ETag-conditional replace; a built package is never reported as building or failed again.
/// </summary>
public sealed partial class TableModelRegistry
{
    private const string PackageActor = "system:package";

    public async Task<ModelVersion> RecordPackageBuildAsync(string project, string name, int version, PackageBuild build, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (build.State == PackageBuildState.Built && string.IsNullOrEmpty(build.Digest))
        {
            throw new ArgumentException("A built package needs its digest.", nameof(build));
        }

        ModelVersion committed = await this.RequireVersionAsync(project, name, version, cancellationToken);
        TableClient client = await this.TableAsync(cancellationToken);
        for (int attempt = 1; ; attempt++)
        {
            TableEntity? row = await this.GetRowAsync(project, RegistryTableLayout.PackageRow(name, version), cancellationToken);
            PackageBuild current = row is null ? PackageBuild.None : RegistryTableLayout.PackageBuildFrom(row);
            if (current.State == PackageBuildState.Built && build.State != PackageBuildState.Built)
            {
                // The package exists and stays valid whatever a later attempt does.
                return committed with { Package = current };
            }

            if (current.State == PackageBuildState.Built && current.Digest == build.Digest)
            {
                // A rebuild gave the same digest: nothing to write; its audit record is completed if a crash lost it.
                await this.AuditPackageAsync(committed, current, cancellationToken);
                return committed with { Package = current };
            }

            TableEntity entity = RegistryTableLayout.ToEntity(project, name, version, build);
            try
            {
                if (row is null)
                {
                    await client.AddEntityAsync(entity, cancellationToken);
                }
                else
                {
                    await client.UpdateEntityAsync(entity, row.ETag, TableUpdateMode.Replace, cancellationToken);
                }
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another build recorded its state in between: read it again.
                continue;
            }

            if (build.State == PackageBuildState.Built)
            {
                await this.AuditPackageAsync(committed, build, cancellationToken);
            }

            return committed with { Package = build };
        }
    }

    /// <summary>The version with its package's build state.</summary>
    private async Task<ModelVersion> WithPackageAsync(ModelVersion version, CancellationToken cancellationToken) =>
        await this.GetRowAsync(version.Project, RegistryTableLayout.PackageRow(version.Name, version.Version), cancellationToken) is { } row
            ? version with { Package = RegistryTableLayout.PackageBuildFrom(row) }
            : version;

    /// <summary>Every recorded build state of the model's versions, by version number.</summary>
    private async Task<Dictionary<int, PackageBuild>> PackageBuildsAsync(string project, string name, CancellationToken cancellationToken)
    {
        var builds = new Dictionary<int, PackageBuild>();
        await foreach (TableEntity row in this.RangeAsync(project, RegistryTableLayout.PackagePrefix(name), cancellationToken))
        {
            builds[RegistryTableLayout.PackageRowVersion(row.RowKey)] = RegistryTableLayout.PackageBuildFrom(row);
        }

        return builds;
    }

    private Task<AuditRecord> AuditPackageAsync(ModelVersion version, PackageBuild build, CancellationToken cancellationToken) =>
        audit.AppendAsync(
            new AuditEntry(
                PackageActor,
                "registry.version.package",
                version.Uri + $" ({version.Project})",
                build.Digest,
                $"v{version.Version} packaged as {build.Digest}",
                AuditEventIds.PackageBuilt(version.Project, version.Name, version.Version, build.Digest!)),
            cancellationToken);
}
