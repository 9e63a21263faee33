namespace MLOps.Core.Monitoring.Drift;

/// <summary>The numeric binning; <see cref="Bins"/> is used by the equal-width and quantile kinds.</summary>
public sealed record PsiBinning(PsiBinningKind Kind = PsiBinningKind.Sturges, int Bins = 10)
{
    public static PsiBinning Sturges { get; } = new();
}
