namespace MLOps.Core.Experiments;

/// <summary>
/// Everything a strategy may look at. <paramref name="Running"/> are proposals handed out but not yet reported,
/// so a batch never repeats them and trial numbers keep counting.
/// </summary>
public sealed record SearchState(
    IReadOnlyList<SearchSpace> Spaces,
    long Seed,
    IReadOnlyList<TrialResult> Results,
    IReadOnlyList<TrialProposal>? Running = null)
{
    public IReadOnlyList<TrialProposal> RunningTrials() => this.Running ?? [];

    /// <summary>One past the highest number handed out, so numbers stay unique even if results arrive out of order.</summary>
    public int NextTrialNumber()
    {
        int next = 0;
        foreach (TrialResult result in this.Results)
        {
            next = Math.Max(next, result.TrialNumber + 1);
        }

        foreach (TrialProposal proposal in this.RunningTrials())
        {
            next = Math.Max(next, proposal.TrialNumber + 1);
        }

        return next;
    }

    public SearchSpace SpaceFor(string algorithm) =>
        this.Spaces.FirstOrDefault(s => s.Algorithm == algorithm)
        ?? throw new ArgumentException($"No search space for algorithm '{algorithm}'.", nameof(algorithm));

    public bool HasSpaceFor(string algorithm) => this.Spaces.Any(s => s.Algorithm == algorithm);
}
