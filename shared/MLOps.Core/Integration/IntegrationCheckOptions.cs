using MLOps.Core.Integration.Security;
using MLOps.Core.Requirements;

namespace MLOps.Core.Integration;

/// <summary>
/// The bounds of the integration checks (configuration section <c>IntegrationChecks</c>). Where the project spec
/// states a bound (its latency budget, a sensitive attribute's <see cref="SensitiveAttribute.MaxDifference"/>, its
/// <see cref="RobustnessSpec"/>), the spec wins: use the <c>…For</c> methods rather than the raw defaults.
/// </summary>
public sealed record IntegrationCheckOptions
{
    public const string SectionName = "IntegrationChecks";

    /// <summary>
    /// Largest |Δ| between a probability scored by the package and the tracked holdout score: 1e-5, the bound the
    /// experiment already holds the ONNX export to (float32 rounding is ~6e-8 at 1, so any real drift is far above).
    /// </summary>
    public double ParityAbsoluteBound { get; init; } = 1e-5;

    /// <summary>Regression scores are not bounded by 1: the parity figure is |Δ| / max(1, |y|), with this bound.</summary>
    public double ParityRelativeBound { get; init; } = 1e-5;

    /// <summary>
    /// Largest |Δ| / max(1, |offline|) between a feature the package encodes and the offline feature set's value.
    /// Both come from the same transforms, so only float rounding may differ (float32 is ~6e-8 relative); a drifted
    /// mean, category order or bucket edge moves a value by far more than 1e-6.
    /// </summary>
    public double SkewBound { get; init; } = 1e-6;

    /// <summary>MLflow's <c>min_absolute_change</c> for the challenger against the champion; absent: not required.</summary>
    public double? ChampionMinAbsoluteChange { get; init; }

    /// <summary>
    /// MLflow's <c>min_relative_change</c>, in [0, 1]. 0 (the default) asks only that the challenger be no worse
    /// than the champion on the acceptance metric.
    /// </summary>
    public double? ChampionMinRelativeChange { get; init; } = 0.0;

    /// <summary>
    /// Fewest latency samples for a 95th percentile: with 20 the nearest rank is the 19th value, so one slow
    /// outlier (a cold start) does not decide the figure on its own.
    /// </summary>
    public int LatencyMinSamples { get; init; } = 20;

    /// <summary>Single-row requests the latency check times (holdout rows, in order, repeated if there are fewer).</summary>
    public int LatencySamples { get; init; } = 200;

    /// <summary>
    /// Requests sent first and not timed: the first calls of a freshly loaded model pay ONNX Runtime's lazy
    /// allocations and a new HTTP connection, which no steady-state request pays.
    /// </summary>
    public int LatencyWarmupRequests { get; init; } = 5;

    /// <summary>
    /// Demographic-parity and equal-opportunity difference allowed when the spec's attribute has no bound. 0.1 is a
    /// convention of practice, not a fairlearn rule: fairlearn prescribes no threshold and warns that one number
    /// cannot certify fairness, so a project should set its own in the spec.
    /// </summary>
    public double FairnessMaxDifference { get; init; } = 0.1;

    /// <summary>
    /// Groups with fewer rows (fewer positives, for equal opportunity) are reported, not judged: with 30 the standard
    /// error of a rate near 0.5 is about 0.09, as large as the default bound, so a smaller group's rate is noise.
    /// </summary>
    public int FairnessMinGroupRows { get; init; } = 30;

    /// <summary>Gaussian noise per numeric input, as a share of the column's training standard deviation.</summary>
    public double RobustnessNoiseScale { get; init; } = 0.01;

    /// <summary>Largest share of rows whose predicted label may flip under that noise.</summary>
    public double RobustnessMaxFlipShare { get; init; } = 0.05;

    /// <summary>Seeds the noise, so a rerun of a build draws the same perturbation.</summary>
    public int RobustnessSeed { get; init; } = 42;

    public OnnxScanOptions Onnx { get; init; } = new();

    public double FairnessBoundFor(SensitiveAttribute attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        return attribute.MaxDifference ?? this.FairnessMaxDifference;
    }

    /// <param name="robustness">The spec's (or the registered gates') robustness settings; null takes the defaults.</param>
    public double RobustnessNoiseScaleFor(RobustnessSpec? robustness) => robustness?.NoiseScale ?? this.RobustnessNoiseScale;

    public double RobustnessMaxFlipShareFor(RobustnessSpec? robustness) => robustness?.MaxFlipShare ?? this.RobustnessMaxFlipShare;

    /// <summary>The problems of these options, each naming its setting; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        List<string> problems = [];
        void NonNegative(string name, double value)
        {
            if (!(value >= 0) || double.IsPositiveInfinity(value))
            {
                problems.Add($"{name} must be a finite number of at least 0, not {value}.");
            }
        }

        void Share(string name, double value)
        {
            if (!(value >= 0 && value <= 1))
            {
                problems.Add($"{name} must lie in [0, 1], not {value}.");
            }
        }

        NonNegative(nameof(this.ParityAbsoluteBound), this.ParityAbsoluteBound);
        NonNegative(nameof(this.ParityRelativeBound), this.ParityRelativeBound);
        NonNegative(nameof(this.SkewBound), this.SkewBound);
        if (this.ChampionMinAbsoluteChange is { } absolute && !(absolute > 0 && double.IsFinite(absolute)))
        {
            problems.Add($"{nameof(this.ChampionMinAbsoluteChange)} must be a positive number, not {absolute} (MLflow's rule).");
        }

        if (this.ChampionMinRelativeChange is { } relative)
        {
            Share(nameof(this.ChampionMinRelativeChange), relative);
        }

        if (this.LatencyMinSamples < 1)
        {
            problems.Add($"{nameof(this.LatencyMinSamples)} must be at least 1, not {this.LatencyMinSamples}.");
        }

        if (this.LatencySamples < this.LatencyMinSamples)
        {
            problems.Add($"{nameof(this.LatencySamples)} must be at least {nameof(this.LatencyMinSamples)} ({this.LatencyMinSamples}), not {this.LatencySamples}.");
        }

        if (this.LatencyWarmupRequests < 0)
        {
            problems.Add($"{nameof(this.LatencyWarmupRequests)} must be 0 or more, not {this.LatencyWarmupRequests}.");
        }

        Share(nameof(this.FairnessMaxDifference), this.FairnessMaxDifference);
        if (this.FairnessMinGroupRows < 1)
        {
            problems.Add($"{nameof(this.FairnessMinGroupRows)} must be at least 1, not {this.FairnessMinGroupRows}.");
        }

        if (!(this.RobustnessNoiseScale > 0 && this.RobustnessNoiseScale <= 1))
        {
            problems.Add($"{nameof(this.RobustnessNoiseScale)} must lie in (0, 1], not {this.RobustnessNoiseScale}.");
        }

        Share(nameof(this.RobustnessMaxFlipShare), this.RobustnessMaxFlipShare);
        problems.AddRange((this.Onnx ?? new OnnxScanOptions()).Validate());
        return problems;
    }
}
