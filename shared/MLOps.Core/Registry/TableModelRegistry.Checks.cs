using Azure;
using Azure.Data.Tables;

namespace MLOps.Core.Registry;

/// <summary>
/// The verdict of the latest continuous-integration build, kept in the package's build-state row
/// (<see cref="PackageBuild.Checks"/>) by ETag-conditional replace: a build finishing earlier than the one recorded,
/// or the same build recorded again by a retry, changes nothing.
/// </summary>
public sealed partial class TableModelRegistry
{
    public async Task<ModelVersion> RecordCheckedBuildAsync(
        string project, string name, int version, string digest, CheckedBuild build, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(digest);
        ArgumentNullException.ThrowIfNull(build);
        ModelVersion committed = await this.RequireVersionAsync(project, name, version, cancellationToken);
        TableClient client = await this.TableAsync(cancellationToken);
        for (int attempt = 1; ; attempt++)
        {
            TableEntity? row = await this.GetRowAsync(project, RegistryTableLayout.PackageRow(name, version), cancellationToken);
            PackageBuild current = row is null ? PackageBuild.None : RegistryTableLayout.PackageBuildFrom(row);
            if (row is null || current.State != PackageBuildState.Built || current.Digest != digest)
            {
                throw new InvalidOperationException(
                    $"{ModelUri.ForVersion(name, version)} ({project}) has no built package {digest}; its package is {current.State}{(current.Digest is null ? string.Empty : " as " + current.Digest)}.");
            }

            if (current.Checks is { } recorded && (recorded.BuildId == build.BuildId || recorded.FinishedAt > build.FinishedAt))
            {
                return committed with { Package = current };
            }

            PackageBuild updated = current with { Checks = build };
            try
            {
                await client.UpdateEntityAsync(RegistryTableLayout.ToEntity(project, name, version, updated), row.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < MaxAttempts)
            {
                // Another build (or a package rebuild) wrote the row in between: read it again.
                continue;
            }

            return committed with { Package = updated };
        }
    }
}
