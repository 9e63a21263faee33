using System.Globalization;
using MLOps.Core.Requirements;

namespace MLOps.Core.FeatureStore.Engineering;

/// <summary>
/// The engineering counterpart of the cleaning guard: counts, per feature, rows where the source values were
/// present but the feature came out missing or in no category (a value that is not a number, a zero denominator,
/// a log of a non-positive number, a category the training rows did not have). A feature that loses more than
/// the spec's <see cref="ChangeGuard.MaxShare"/> of its present values fails the run, naming the feature, its
/// source columns and sample values — or, when the spec marks such losses tolerable (<see cref="GuardAction.Warn"/>),
/// is listed as a warning in the run's output. A feature is judged by its source column's own guard
/// (<see cref="ColumnRule.ChangeGuard"/>) where the spec gives one — the strictest, when several of its sources
/// have one — so the column a user marked tolerable in cleaning is tolerated in engineering too.
/// </summary>
public sealed class EngineeringGuard
{
    private const int SampleCount = 5;

    private readonly FeatureRowEncoder encoder;
    private readonly ChangeGuard rule;
    private readonly ChangeGuard[] guards;
    private readonly long[] present;
    private readonly long[] lost;
    private readonly List<string>[] samples;
    private readonly FeatureUse[] uses;
    private long rows;

    public EngineeringGuard(FeatureRowEncoder encoder, DataRules? rules)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        this.encoder = encoder;
        this.rule = rules?.ChangeGuard ?? new ChangeGuard();
        this.guards = [.. encoder.Features.Select(f => GuardOf(f, rules, this.rule))];
        int features = encoder.Features.Count;
        this.present = new long[features];
        this.lost = new long[features];
        this.samples = [.. Enumerable.Range(0, features).Select(_ => new List<string>())];
        this.uses = new FeatureUse[features];
    }

    /// <summary>Counts one row as the encoder wrote it.</summary>
    public void Observe(IReadOnlyList<string> fields, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(fields);
        this.rows++;
        this.encoder.Classify(fields, values, this.uses);
        for (int f = 0; f < this.uses.Length; f++)
        {
            if (this.uses[f] == FeatureUse.SourceMissing)
            {
                continue;
            }

            this.present[f]++;
            if (this.uses[f] == FeatureUse.Lost)
            {
                this.lost[f]++;
                string sample = string.Join(", ", this.encoder.SourceIndexes(f).Select(i => fields[i]));
                if (this.samples[f].Count < SampleCount && !this.samples[f].Contains(sample, StringComparer.Ordinal))
                {
                    this.samples[f].Add(sample);
                }
            }
        }
    }

    /// <summary>The counts and the guard's warnings; throws <see cref="DataRejectedException"/> when a feature fails the guard.</summary>
    public EngineeringReport Finish()
    {
        FeatureLoss[] losses = [.. this.encoder.Features.Select((f, i) => new FeatureLoss(
            f.Definition.Name,
            FeatureRowEncoder.SourcesOf(f.Definition),
            this.present[i],
            this.lost[i],
            this.present[i] == 0 ? 0 : this.lost[i] / (double)this.present[i],
            [.. this.samples[i]]))];
        int[] over = [.. Enumerable.Range(0, losses.Length).Where(i => losses[i].Share > this.guards[i].MaxShare)];
        string[] failed = [.. over.Where(i => this.guards[i].Action == GuardAction.Fail).Select(i => Describe(losses[i], this.guards[i]))];
        if (failed.Length > 0)
        {
            throw new DataRejectedException(
                $"Feature engineering lost more of a column's present values than its change guard allows (dataRules.changeGuard): {string.Join("; ", failed)}. "
                + "Fix the data or the feature definitions, or set the changeGuard's action to Warn (for all columns or the source column) if the loss is expected.");
        }

        return new EngineeringReport(this.rows, this.rule.MaxShare, this.rule.Action, losses, [.. over.Select(i => Describe(losses[i], this.guards[i]))]);
    }

    private static ChangeGuard GuardOf(FittedFeature feature, DataRules? rules, ChangeGuard general)
    {
        ChangeGuard[] own = [.. FeatureRowEncoder.SourcesOf(feature.Definition).Select(s => rules?.Find(s)?.ChangeGuard).OfType<ChangeGuard>()];
        return own.Length == 0
            ? general
            : new ChangeGuard { MaxShare = own.Min(g => g.MaxShare), Action = own.Any(g => g.Action == GuardAction.Fail) ? GuardAction.Fail : GuardAction.Warn };
    }

    private static string Describe(FeatureLoss loss, ChangeGuard guard) => string.Create(
        CultureInfo.InvariantCulture,
        $"feature '{loss.Feature}' from column(s) {string.Join(", ", loss.Sources.Select(s => $"'{s}'"))} could not use {loss.Unusable} of {loss.RowsWithSources} present values ({loss.Share * 100:0.0}%, limit {guard.MaxShare * 100:0.#}%), e.g. {string.Join(" | ", loss.Samples.Select(s => $"'{s}'"))}");
}
