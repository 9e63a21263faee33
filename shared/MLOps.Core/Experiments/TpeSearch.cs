namespace MLOps.Core.Experiments;

/// <summary>
/// Tree-structured Parzen Estimator (Bergstra et al. 2011, as in hyperopt/Optuna). With several algorithms the
/// algorithm is the root of the tree: it is chosen by TPE over a categorical "algorithm" on all scored trials,
/// then that algorithm's parameters by TPE on its own trials. Warm-up is random and round-robin until every
/// algorithm has <see cref="TpeOptions.StartupTrials"/> scored trials. Trials proposed in one batch differ only
/// by their random stream (no constant liar), which is enough for the small batches a fan-out runs.
/// </summary>
public sealed class TpeSearch(TpeOptions options) : ISearchStrategy
{
    private readonly TpeOptions options = options ?? throw new ArgumentNullException(nameof(options));

    public SearchStrategyKind Kind => SearchStrategyKind.Bayesian;

    public IReadOnlyList<TrialProposal> Propose(SearchState state, int count)
    {
        ArgumentNullException.ThrowIfNull(state);
        int next = state.NextTrialNumber();
        var scored = state.Results
            .Where(r => r.Status != TrialStatus.Failed && state.HasSpaceFor(r.Algorithm))
            .ToList();
        return Enumerable.Range(next, Math.Max(count, 0)).Select(n => this.ProposeOne(state, scored, n)).ToList();
    }

    private TrialProposal ProposeOne(SearchState state, List<TrialResult> scored, int trialNumber)
    {
        if (scored.Count < this.options.StartupTrials * state.Spaces.Count)
        {
            return RandomSearch.Draw(state, trialNumber);
        }

        var random = new SeededRandom(state.Seed, trialNumber);
        SearchSpace space = state.Spaces.Count == 1 ? state.Spaces[0] : this.ChooseSpace(state, scored, random);
        var own = scored.Where(r => r.Algorithm == space.Algorithm).ToList();
        if (own.Count < this.options.StartupTrials || !own.Any(r => r.Status == TrialStatus.Completed))
        {
            return new TrialProposal(trialNumber, space.Algorithm, ParameterSampler.Sample(space, random));
        }

        TrialSplit split = TrialSplit.Of(own, this.options.Gamma);
        var models = space.Parameters.Select(p => new ParameterModel(p, split, this.options.PriorWeight)).ToList();
        IReadOnlyDictionary<string, string>? best = null;
        double bestRatio = double.NegativeInfinity;
        for (int c = 0; c < Math.Max(1, this.options.Candidates); c++)
        {
            var candidate = new Dictionary<string, string>(models.Count, StringComparer.Ordinal);
            double ratio = 0;
            for (int p = 0; p < models.Count; p++)
            {
                (string value, double logRatio) = models[p].Sample(random);
                candidate[space.Parameters[p].Name] = value;
                ratio += logRatio;
            }

            if (best is null || ratio > bestRatio)
            {
                (best, bestRatio) = (candidate, ratio);
            }
        }

        return new TrialProposal(trialNumber, space.Algorithm, best!);
    }

    private SearchSpace ChooseSpace(SearchState state, List<TrialResult> scored, SeededRandom random)
    {
        var algorithm = new ParameterRange(
            "algorithm", ParameterKind.Categorical, 0, 0, state.Spaces.Select(s => s.Algorithm).ToList());
        var split = TrialSplit.Of(scored, this.options.Gamma);
        var asParameter = new TrialSplit(WithAlgorithm(split.Good), WithAlgorithm(split.Bad));
        var model = new ParameterModel(algorithm, asParameter, this.options.PriorWeight);

        string chosen = state.Spaces[0].Algorithm;
        double bestRatio = double.NegativeInfinity;
        for (int c = 0; c < Math.Max(1, this.options.Candidates); c++)
        {
            (string value, double ratio) = model.Sample(random);
            if (ratio > bestRatio)
            {
                (chosen, bestRatio) = (value, ratio);
            }
        }

        return state.SpaceFor(chosen);
    }

    private static List<TrialResult> WithAlgorithm(IEnumerable<TrialResult> trials) =>
        trials.Select(t => t with { Parameters = new Dictionary<string, string> { ["algorithm"] = t.Algorithm } }).ToList();
}
