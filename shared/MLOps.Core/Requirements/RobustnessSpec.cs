namespace MLOps.Core.Requirements;

/// <summary>
/// The project's own settings for the integration pipeline's robustness check; a member left out takes the
/// platform default (<c>IntegrationCheckOptions</c>: noise 0.01 standard deviations, at most 5% of labels flipped).
/// </summary>
public sealed record RobustnessSpec
{
    /// <summary>Gaussian noise added to each numeric input, as a share of that column's training standard deviation, in (0, 1].</summary>
    public double? NoiseScale { get; init; }

    /// <summary>The largest share of holdout rows whose predicted label may flip under that noise, in [0, 1].</summary>
    public double? MaxFlipShare { get; init; }
}
