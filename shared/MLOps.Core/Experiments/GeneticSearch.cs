namespace MLOps.Core.Experiments;

/// <summary>
/// A generational genetic algorithm: random generation 0, then tournament selection, uniform crossover per
/// parameter (only between parents of the same algorithm; otherwise the child copies one parent), mutation and
/// elitism. A generation is bred only once the previous one has fully reported, so <see cref="Propose"/> returns
/// at most the rest of the current generation and nothing while its parents are still running.
/// </summary>
public sealed class GeneticSearch : ISearchStrategy
{
    private readonly GeneticOptions options;
    private readonly GeneticGenerations generations;

    public GeneticSearch(GeneticOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PopulationSize, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(options.EliteCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(options.EliteCount, options.PopulationSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.TournamentSize);
        this.options = options;
        this.generations = new GeneticGenerations(options.PopulationSize, options.EliteCount);
    }

    public SearchStrategyKind Kind => SearchStrategyKind.Genetic;

    public IReadOnlyList<TrialProposal> Propose(SearchState state, int count)
    {
        ArgumentNullException.ThrowIfNull(state);
        int next = state.NextTrialNumber();
        int generation = this.generations.GenerationOf(next);
        int room = Math.Min(Math.Max(count, 0), this.generations.FirstTrialOf(generation + 1) - next);
        if (generation == 0)
        {
            return Enumerable.Range(next, room).Select(n => RandomSearch.Draw(state, n)).ToList();
        }

        int parentsEnd = this.generations.FirstTrialOf(generation);
        if (state.RunningTrials().Any(t => t.TrialNumber < parentsEnd))
        {
            return [];
        }

        var parents = this.generations.Population(generation - 1, state.Results)
            .Where(p => state.HasSpaceFor(p.Algorithm))
            .ToList();
        return Enumerable.Range(next, room)
            .Select(n => parents.Count == 0 ? RandomSearch.Draw(state, n) : this.Breed(state, parents, n))
            .ToList();
    }

    /// <summary>The population a generation ends with (its elites included), best first.</summary>
    public IReadOnlyList<TrialResult> Population(int generation, IReadOnlyList<TrialResult> results) =>
        this.generations.Population(generation, results);

    public int GenerationOf(int trialNumber) => this.generations.GenerationOf(trialNumber);

    private TrialProposal Breed(SearchState state, List<TrialResult> parents, int trialNumber)
    {
        var random = new SeededRandom(state.Seed, trialNumber);
        TrialResult mother = this.Tournament(parents, random);
        TrialResult father = this.Tournament(parents, random);
        bool crossover = mother.Algorithm == father.Algorithm;
        if (!crossover && random.NextDouble() < 0.5)
        {
            mother = father;
        }

        SearchSpace space = state.SpaceFor(mother.Algorithm);
        var child = new Dictionary<string, string>(space.Parameters.Count, StringComparer.Ordinal);
        foreach (ParameterRange range in space.Parameters)
        {
            TrialResult donor = crossover && random.NextDouble() < 0.5 ? father : mother;
            child[range.Name] = donor.Parameters.TryGetValue(range.Name, out string? value)
                ? this.Mutate(range, value, random)
                : ParameterSampler.Sample(range, random);
        }

        return new TrialProposal(trialNumber, space.Algorithm, child);
    }

    private TrialResult Tournament(List<TrialResult> population, SeededRandom random)
    {
        TrialResult best = population[random.NextInt(population.Count)];
        for (int i = 1; i < this.options.TournamentSize; i++)
        {
            TrialResult rival = population[random.NextInt(population.Count)];
            if (rival.Score > best.Score || (rival.Score == best.Score && rival.TrialNumber < best.TrialNumber))
            {
                best = rival;
            }
        }

        return best;
    }

    private string Mutate(ParameterRange range, string value, SeededRandom random)
    {
        if (random.NextDouble() >= this.options.MutationRate)
        {
            return value;
        }

        if (range.Kind == ParameterKind.Categorical)
        {
            // Resample among the other choices: mutating to the same value would be a wasted mutation.
            int count = range.Choices!.Count;
            int current = (int)ParameterCodec.ToInternal(range, value);
            return count == 1 ? value : range.Choices[(current + 1 + random.NextInt(count - 1)) % count];
        }

        double u = ParameterCodec.ToUnit(range, value) + (this.options.MutationScale * random.NextGaussian());
        return ParameterCodec.FromUnit(range, Reflect(u));
    }

    /// <summary>Reflects at the bounds instead of clamping, so mutation does not pile children onto the edges.</summary>
    private static double Reflect(double u)
    {
        u = Math.Abs(u) % 2.0;
        return u > 1.0 ? 2.0 - u : u;
    }
}
