using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.Lineage;
using MLOps.Core.Projects;
using MLOps.Core.Requirements;

namespace MLOps.Core.FeatureStore;

/// <summary>
/// What follows the commit of a feature-set version: serve it online, prove online equals offline, describe
/// its features against the previous version, and record where it came from.
/// </summary>
public sealed class FeatureSetServing(
    OfflineFeatureStore offline,
    OnlineFeatureStore online,
    FeatureConsistencyChecker consistency,
    FeatureStatisticsCalculator calculator,
    FeatureStatisticsStore statistics,
    LineageStore lineage,
    ProjectRegistry registry)
{
    /// <summary>Keys compared by the consistency check after each materialization.</summary>
    public const int ConsistencySample = 200;

    public Task<MaterializationResult> MaterializeAsync(FeatureSetVersion version, CancellationToken cancellationToken = default) =>
        online.MaterializeAsync(version, offline.ReadAsync(version, cancellationToken), cancellationToken);

    public Task<ConsistencyReport> CheckConsistencyAsync(FeatureSetVersion version, CancellationToken cancellationToken = default) =>
        consistency.CheckAsync(version, offline.ReadAsync(version, cancellationToken), ConsistencySample, cancellationToken: cancellationToken);

    public async Task<FeatureStatisticsSummary> ComputeStatisticsAsync(FeatureStatisticsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        FeatureSetVersion version = request.Version;
        FeatureStatistics? stats = await statistics.LoadAsync(version.Project, version.Version, cancellationToken);
        if (stats is null)
        {
            ProjectSpec spec = await registry.LoadSpecAsync(request.SpecBlob, cancellationToken);
            FeatureSetVersion? previous = version.Version > 1
                ? await offline.GetAsync(version.Project, (version.Version - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken)
                : null;
            stats = await calculator.ComputeAsync(
                version,
                offline.ReadAsync(version, cancellationToken),
                spec.Task,
                spec.Target.PositiveClass,
                previous,
                previous is null ? null : offline.ReadAsync(previous, cancellationToken),
                cancellationToken);
            await statistics.SaveAsync(stats, cancellationToken);
        }

        return new FeatureStatisticsSummary(
            version.Version,
            FeatureStatisticsStore.BlobName(version.Project, version.Version),
            stats.PreviousVersion,
            stats.Select(top: 5),
            stats.Features.Max(f => f.Psi));
    }

    public async Task<int> RecordLineageAsync(FeatureSetVersion version, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<LineageEdge> edges = FeatureSetLineage.EdgesOf(version);
        await lineage.RecordAsync(edges, cancellationToken);
        return edges.Count;
    }
}
