namespace MLOps.Triggers.Http;

/// <summary>One row of <see cref="TrafficBody"/>: a package digest, its answered share and its mirrored share (percent).</summary>
public sealed record TrafficWeightBody
{
    public required string Package { get; init; }

    public required double TrafficPercent { get; init; }

    public double MirrorPercent { get; init; }
}
