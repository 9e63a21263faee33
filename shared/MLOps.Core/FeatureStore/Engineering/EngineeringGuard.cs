using System.Globalization;
using MLOps.Core.Requirements;

namespace MLOps.Core.FeatureStore.Engineering;

/// <summary>
/// The engineering counterpart of the cleaning guard: counts, per feature, rows where the source values were
/// present but the feature came out missing or in no category (a value that is not a number, a zero denominator,
/// a log of a non-positive number, a category the training rows did not have). A feature that loses more than
/// the spec's <see cref="ChangeGuard.MaxShare"/> of its present values fails the run, naming the feature, its
/// source columns and sample values — or, when the spec marks such losses tolerable (<see cref="GuardAction.Warn"/>),
/// is listed as a warning in the run's output.
/// </summary>
public sealed class EngineeringGuard
{
    private const int SampleCount = 5;

    private readonly FeatureRowEncoder encoder;
    private readonly ChangeGuard rule;
    private readonly long[] present;
    private readonly long[] lost;
    private readonly List<string>[] samples;
    private readonly FeatureUse[] uses;
    private long rows;

    public EngineeringGuard(FeatureRowEncoder encoder, ChangeGuard? rule)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        this.encoder = encoder;
        this.rule = rule ?? new ChangeGuard();
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
        string[] over = [.. losses.Where(l => l.Share > this.rule.MaxShare).Select(Describe)];
        if (over.Length > 0 && this.rule.Action == GuardAction.Fail)
        {
            string limit = this.rule.MaxShare.ToString("P0", CultureInfo.InvariantCulture);
            throw new DataRejectedException(
                $"Feature engineering lost more than {limit} of a column's present values (dataRules.changeGuard): {string.Join("; ", over)}. "
                + "Fix the data or the feature definitions, or set dataRules.changeGuard.action to Warn if the loss is expected.");
        }

        return new EngineeringReport(this.rows, this.rule.MaxShare, this.rule.Action, losses, over);
    }

    private static string Describe(FeatureLoss loss) => string.Create(
        CultureInfo.InvariantCulture,
        $"feature '{loss.Feature}' from column(s) {string.Join(", ", loss.Sources.Select(s => $"'{s}'"))} could not use {loss.Unusable} of {loss.RowsWithSources} present values ({loss.Share:P1}), e.g. {string.Join(" | ", loss.Samples.Select(s => $"'{s}'"))}");
}
