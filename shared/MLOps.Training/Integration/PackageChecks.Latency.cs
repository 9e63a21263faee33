using MLOps.Core.Integration;
using MLOps.Core.Integration.Builds;
using MLOps.Core.Integration.Latency;

namespace MLOps.Training.Integration;

public sealed partial class PackageChecks
{
    /// <summary>
    /// Latency: holdout rows sent one per request to the package on a worker, each timed end to end (HTTP included,
    /// as a caller sees it) after a few untimed warm-up requests; the p95 must be within the spec's budget.
    /// </summary>
    public async Task<IReadOnlyList<CheckResult>> LatencyAsync(CheckTarget target, CancellationToken cancellationToken = default)
    {
        PackageUnderTest package = await inputs.OpenAsync(target, cancellationToken);
        float[][] holdout = BuildInputs.InModelOrder((await inputs.SplitAsync(package, cancellationToken)).Test, package.Descriptor);
        IntegrationCheckOptions settings = this.Options;
        float[][] Rows(int count) => [.. Enumerable.Range(0, count).Select(i => holdout[i % holdout.Length])];
        double[] latencies;
        string where;
        await using (WorkerSession session = await WorkerSession.OpenAsync(workers, package.Package, CheckNames.Latency, cancellationToken))
        {
            await session.TimeSingleRowsAsync(Rows(settings.LatencyWarmupRequests), cancellationToken);
            latencies = await session.TimeSingleRowsAsync(Rows(settings.LatencySamples), cancellationToken);
            where = $"worker {session.Worker} ({session.Provider ?? "provider not reported"})";
        }

        CheckResult result = LatencyCheck.Check(latencies, package.Spec.Latency, settings.LatencyMinSamples);
        return [result with { Detail = $"{result.Detail} Measured through {where} after {settings.LatencyWarmupRequests} untimed requests." }];
    }
}
