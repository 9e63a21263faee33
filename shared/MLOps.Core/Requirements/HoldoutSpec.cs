namespace MLOps.Core.Requirements;

/// <summary>
/// The holdout split, decided when the feature set is built and recorded in it (never seen by the search, never
/// used to fit a transform). Absent: Stratified for classification, Random for regression, TimeOrdered when the
/// data has an event time; fraction 0.2, seed 42.
/// </summary>
public sealed record HoldoutSpec
{
    public const double DefaultFraction = 0.2;

    public const int DefaultSeed = 42;

    /// <summary>Absent: the default for the task and data (see the type's summary).</summary>
    public HoldoutStrategy? Strategy { get; init; }

    /// <summary>Share of the labelled rows held out, strictly between 0 and 1; round(n·f) rows, half to even.</summary>
    public double Fraction { get; init; } = DefaultFraction;

    /// <summary>Seeds the Random and Stratified orders (unused by TimeOrdered).</summary>
    public int Seed { get; init; } = DefaultSeed;

    /// <summary>The strategy a spec's holdout resolves to, with the defaults filled in.</summary>
    public static HoldoutSpec Resolve(ProjectSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        HoldoutSpec holdout = spec.Holdout ?? new HoldoutSpec();
        HoldoutStrategy strategy = holdout.Strategy ?? (spec.EventTime is not null
            ? HoldoutStrategy.TimeOrdered
            : spec.Task == ModelTask.Regression ? HoldoutStrategy.Random : HoldoutStrategy.Stratified);
        return holdout with { Strategy = strategy };
    }
}
