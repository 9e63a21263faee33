namespace MLOps.Core.Experiments;

/// <summary>Independent uniform draws; algorithms take turns by trial number.</summary>
public sealed class RandomSearch : ISearchStrategy
{
    public SearchStrategyKind Kind => SearchStrategyKind.Random;

    public IReadOnlyList<TrialProposal> Propose(SearchState state, int count)
    {
        ArgumentNullException.ThrowIfNull(state);
        int next = state.NextTrialNumber();
        var proposals = new List<TrialProposal>(Math.Max(count, 0));
        for (int i = 0; i < count; i++)
        {
            proposals.Add(Draw(state, next + i));
        }

        return proposals;
    }

    /// <summary>The random proposal for one trial number; other strategies use it for their warm-up trials.</summary>
    public static TrialProposal Draw(SearchState state, int trialNumber)
    {
        ArgumentNullException.ThrowIfNull(state);
        SearchSpace space = ParameterSampler.RoundRobin(state, trialNumber);
        var random = new SeededRandom(state.Seed, trialNumber);
        return new TrialProposal(trialNumber, space.Algorithm, ParameterSampler.Sample(space, random));
    }
}
