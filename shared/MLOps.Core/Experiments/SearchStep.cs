namespace MLOps.Core.Experiments;

/// <summary>
/// What the orchestrator does next: start <paramref name="Proposals"/> (possibly none, meaning wait for running
/// trials), or finish when <paramref name="Reason"/> is not <see cref="SearchStopReason.None"/>.
/// </summary>
public sealed record SearchStep(IReadOnlyList<TrialProposal> Proposals, SearchStopReason Reason)
{
    public bool Stop => this.Reason != SearchStopReason.None;
}
