using MLOps.Core.Serving.Endpoints;

namespace MLOps.Core.Delivery;

/// <summary>
/// One step of a rollout: the shares of the new package (answered and mirrored), whether the old deployment stays in
/// the table (taking the rest, or warm at 0%), how long the step bakes, and whether its gates are judged.
/// <see cref="MaxDurationSeconds"/> bounds an <see cref="StepMode.Experiment"/> step.
/// </summary>
public sealed record RolloutStep(
    string Name,
    double CandidatePercent,
    double CandidateMirrorPercent,
    bool KeepBaseline,
    int BakeSeconds,
    bool Gates = true,
    StepMode Mode = StepMode.Bake,
    int? MaxDurationSeconds = null)
{
    /// <summary>The old deployment's answered share: what the new one does not answer.</summary>
    public double BaselinePercent => Math.Round(100 - this.CandidatePercent, 2);

    /// <summary>
    /// The routing table of this step: the candidate's row, and the baseline's when there is one and it is kept
    /// (at <see cref="BaselinePercent"/>, 0 keeping it warm for an instant rollback). Answered shares sum to 100.
    /// </summary>
    public IReadOnlyList<TrafficWeight> Table(string candidate, string? baseline)
    {
        ArgumentException.ThrowIfNullOrEmpty(candidate);
        if (baseline is null || !this.KeepBaseline)
        {
            return this.CandidatePercent == 100
                ? [new TrafficWeight(candidate, 100, this.CandidateMirrorPercent)]
                : throw new InvalidOperationException($"Step '{this.Name}' routes {100 - this.CandidatePercent}% to a previous deployment, and there is none.");
        }

        return [new TrafficWeight(candidate, this.CandidatePercent, this.CandidateMirrorPercent), new TrafficWeight(baseline, this.BaselinePercent)];
    }
}
