namespace MLOps.Core.Experiments;

/// <summary>
/// A pure proposal function: the same state always yields the same proposals, so an orchestrator may call it
/// on every replay. It may return fewer than <c>count</c> (grid exhausted, genetic generation barrier).
/// </summary>
public interface ISearchStrategy
{
    SearchStrategyKind Kind { get; }

    IReadOnlyList<TrialProposal> Propose(SearchState state, int count);
}
