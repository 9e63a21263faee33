using System.Globalization;
using MLOps.Core.Integration;
using MLOps.Core.Integration.Builds;
using MLOps.Core.Integration.Quality;
using MLOps.Core.Packaging;
using MLOps.Core.Registry;
using MLOps.Core.Requirements;
using MLOps.Training.Data;
using MLOps.Training.Experiments;
using MLOps.Training.Metrics;

namespace MLOps.Training.Integration;

public sealed partial class PackageChecks
{
    /// <summary>
    /// Quality: the package's holdout metric against the project's acceptance gate, and the challenger against the
    /// version the model's <c>champion</c> alias points at, on the same holdout, under MLflow's MetricThreshold rules.
    /// </summary>
    public async Task<IReadOnlyList<CheckResult>> QualityAsync(CheckTarget target, CancellationToken cancellationToken = default)
    {
        PackageUnderTest package = await inputs.OpenAsync(target, cancellationToken);
        AcceptanceGate gate = package.Spec.Acceptance;
        string key = ScoreMetrics.KeyOf(gate.Metric);
        IReadOnlyDictionary<string, double> candidate = package.Descriptor.Metrics;
        CheckResult acceptance = QualityCheck.Acceptance(gate, candidate.TryGetValue(key, out double value) ? value : null);
        return [acceptance, await this.ChampionAsync(package, gate, key, candidate, cancellationToken)];
    }

    private async Task<CheckResult> ChampionAsync(
        PackageUnderTest package, AcceptanceGate gate, string key, IReadOnlyDictionary<string, double> candidate, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, int> aliases = await registry.ListAliasesAsync(package.Version.Project, package.Version.Name, cancellationToken);
        if (!aliases.TryGetValue(ModelAliases.Champion, out int number))
        {
            return this.Champion(gate, key, candidate, null);
        }

        if (number == package.Version.Version)
        {
            return CheckResult.NotJudged(CheckNames.Champion, double.NaN, gate.Direction, gate.Metric.ToString(), $"This version (v{number}) is the champion itself.");
        }

        ModelVersion champion = await registry.GetVersionAsync(package.Version.Project, package.Version.Name, number, cancellationToken)
            ?? throw new KeyNotFoundException($"The champion alias points at v{number}, which is not a committed version.");

        // Trained on the same feature-set version, both models were measured on the same holdout rows when registered.
        if (champion.FeatureSetSha256 == package.Version.FeatureSetSha256)
        {
            return this.Champion(gate, key, candidate, champion.Metrics);
        }

        if (await this.ScoreChampionAsync(package, champion, cancellationToken) is { } measured)
        {
            CheckResult compared = this.Champion(gate, key, candidate, measured.Metrics);
            return compared with { Detail = compared.Detail + " " + measured.Note };
        }

        return CheckResult.NotJudged(CheckNames.Champion, double.NaN, gate.Direction, gate.Metric.ToString(),
                $"The champion v{number} was trained on another feature set and has no built package to score on this holdout; build it to compare.");
    }

    private CheckResult Champion(AcceptanceGate gate, string key, IReadOnlyDictionary<string, double> candidate, IReadOnlyDictionary<string, double>? champion) =>
        QualityCheck.Champion(gate, key, candidate, champion, this.Options.ChampionMinAbsoluteChange, this.Options.ChampionMinRelativeChange);

    /// <summary>
    /// The champion's metrics on the challenger's holdout: its own package encodes the holdout's raw records with its
    /// own contract and scores them on a worker. Null when it has no built package.
    /// </summary>
    private async Task<(IReadOnlyDictionary<string, double> Metrics, string Note)?> ScoreChampionAsync(
        PackageUnderTest package, ModelVersion champion, CancellationToken cancellationToken)
    {
        if (champion.Package is not { State: PackageBuildState.Built, Digest: { } digest }
            || await packages.OpenAsync(digest, cancellationToken) is not { } championPackage)
        {
            return null;
        }

        TrainingTable holdout = (await inputs.SplitAsync(package, cancellationToken)).Test;
        RawRecords raw = await inputs.RawRecordsAsync(package, holdout.Keys, cancellationToken);
        IReadOnlyList<EncodedRecord> encoded = championPackage.Contract.CreateEncoder().Encode(
            [.. holdout.Keys.Select(k => raw.ByKey.TryGetValue(k, out var record) ? record : new Dictionary<string, string?>())]);
        int[] rows = [.. Enumerable.Range(0, holdout.Rows).Where(r => encoded[r].Encoded)];
        double[] scores;
        await using (WorkerSession session = await WorkerSession.OpenAsync(workers, championPackage, CheckNames.Champion, cancellationToken))
        {
            scores = await session.ScoreAsync([.. rows.Select(r => encoded[r].Values!.ToArray())], cancellationToken);
        }

        TrainingTable scored = holdout.Subset(rows);
        IReadOnlyDictionary<string, double> metrics = Measure(scored, scores);
        string note = string.Create(
            CultureInfo.InvariantCulture,
            $"Champion v{champion.Version} (package {digest[..12]}…) scored on this holdout: {rows.Length} of {holdout.Rows} rows encoded by its contract.");
        return (metrics, note);
    }

    /// <summary>As the registered holdout metrics were measured: label metrics at 0.5, like <c>holdout_*</c>.</summary>
    private static IReadOnlyDictionary<string, double> Measure(TrainingTable table, double[] scores) => table.Task switch
    {
        ModelTask.BinaryClassification => MetricsCalculator.Binary(table.BinaryLabels!, [.. scores.Select(s => (float)s)]).ToDictionary(),
        ModelTask.Regression => MetricsCalculator.Regression(table.RegressionLabels!, [.. scores.Select(s => (float)s)]).ToDictionary(),
        _ => MetricsCalculator.Multiclass(
            table.ClassLabels!, [.. scores.Chunk(table.ClassNames.Count).Select(c => c.Select(s => (float)s).ToArray())], table.ClassNames.Count).ToDictionary(),
    };
}
