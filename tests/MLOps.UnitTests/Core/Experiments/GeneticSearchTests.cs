using MLOps.Core.Experiments;

namespace MLOps.UnitTests.Core.Experiments;

public class GeneticSearchTests
{
    private static readonly long[] Seeds = [1, 2, 3, 4, 5];

    [Fact]
    public void Generations_are_population_size_then_children_only()
    {
        var search = new GeneticSearch(new GeneticOptions(PopulationSize: 8, EliteCount: 1));

        Assert.Equal((0, 0, 1, 1, 2), (search.GenerationOf(0), search.GenerationOf(7), search.GenerationOf(8), search.GenerationOf(14), search.GenerationOf(15)));
    }

    [Fact]
    public void The_population_best_improves_over_generations()
    {
        var search = new GeneticSearch(new GeneticOptions());
        double first = 0;
        double last = 0;
        double firstMean = 0;
        double lastMean = 0;
        foreach (long seed in Seeds)
        {
            SearchState state = SearchFixtures.Run(search, seed, 8 + (7 * 10), batch: 8);
            IReadOnlyList<TrialResult> initial = search.Population(0, state.Results);
            IReadOnlyList<TrialResult> final = search.Population(10, state.Results);
            first += initial[0].Score;
            last += final[0].Score;
            firstMean += initial.Average(r => r.Score);
            lastMean += final.Average(r => r.Score);
        }

        Assert.True(last > first, $"best {first / Seeds.Length} -> {last / Seeds.Length}");
        Assert.True(lastMean > firstMean, $"mean {firstMean / Seeds.Length} -> {lastMean / Seeds.Length}");
    }

    [Fact]
    public void Elites_are_kept_not_re_proposed()
    {
        var search = new GeneticSearch(new GeneticOptions(PopulationSize: 4, EliteCount: 2));
        SearchState state = SearchFixtures.Run(search, 3, 4, batch: 4);

        IReadOnlyList<TrialProposal> children = search.Propose(state, 10);
        var best = GeneticSearchTests.Ranked(state.Results).Take(2).ToList();
        var next = state with { Results = [.. state.Results, .. children.Select(c => SearchFixtures.Completed(c, -1e9))] };

        Assert.Equal([4, 5], children.Select(c => c.TrialNumber));
        Assert.Equal(best, search.Population(1, next.Results).Take(2));
    }

    [Fact]
    public void A_generation_waits_for_its_parents_to_report()
    {
        var search = new GeneticSearch(new GeneticOptions(PopulationSize: 4));
        var state = new SearchState([SearchFixtures.Synthetic], 1, []);
        IReadOnlyList<TrialProposal> first = search.Propose(state, 10);
        var done = first.Take(3).Select(p => SearchFixtures.Completed(p, 0)).ToList();

        Assert.Equal(4, first.Count);
        Assert.Empty(search.Propose(state with { Results = done, Running = [first[3]] }, 10));
    }

    [Fact]
    public void Crossover_only_mixes_parameters_within_one_algorithm()
    {
        var a = new SearchSpace("a", [
            new ParameterRange("p", ParameterKind.Float, 0, 1),
            new ParameterRange("q", ParameterKind.Float, 0, 1)]);
        var b = new SearchSpace("b", [
            new ParameterRange("r", ParameterKind.Categorical, 0, 0, ["u", "v", "w"]),
            new ParameterRange("s", ParameterKind.Integer, 1, 100)]);
        var search = new GeneticSearch(new GeneticOptions(PopulationSize: 6, EliteCount: 1, MutationRate: 0));
        TrialResult[] parents =
        [
            Trial(0, "a", ("p", "0.1"), ("q", "0.2")),
            Trial(1, "b", ("r", "u"), ("s", "10")),
            Trial(2, "a", ("p", "0.3"), ("q", "0.4")),
            Trial(3, "b", ("r", "v"), ("s", "20")),
            Trial(4, "a", ("p", "0.5"), ("q", "0.6")),
            Trial(5, "b", ("r", "w"), ("s", "30")),
        ];

        var children = Enumerable.Range(0, 20)
            .SelectMany(seed => search.Propose(new SearchState([a, b], seed, parents), 5))
            .ToList();

        Assert.Contains(children, c => c.Algorithm == "a");
        Assert.Contains(children, c => c.Algorithm == "b");
        foreach (TrialProposal child in children)
        {
            var own = parents.Where(p => p.Algorithm == child.Algorithm).ToList();
            Assert.Equal(own[0].Parameters.Keys.Order(), child.Parameters.Keys.Order());
            Assert.All(child.Parameters, kv => Assert.Contains(own, p => p.Parameters[kv.Key] == kv.Value));
        }
    }

    [Fact]
    public void Mutation_stays_in_range()
    {
        var search = new GeneticSearch(new GeneticOptions(MutationRate: 1, MutationScale: 2));
        SearchState state = SearchFixtures.Run(search, 2, 8 + (7 * 3), batch: 8);

        Assert.All(state.Results, r => Assert.InRange(double.Parse(r.Parameters["y"], System.Globalization.CultureInfo.InvariantCulture), 1e-4, 1));
    }

    private static TrialResult Trial(int number, string algorithm, params (string Key, string Value)[] values) =>
        new(number, algorithm, values.ToDictionary(v => v.Key, v => v.Value), number, TrialStatus.Completed);

    private static IEnumerable<TrialResult> Ranked(IEnumerable<TrialResult> results) =>
        results.OrderByDescending(r => r.Score).ThenBy(r => r.TrialNumber);
}
