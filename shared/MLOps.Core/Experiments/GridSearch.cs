namespace MLOps.Core.Experiments;

/// <summary>
/// The Cartesian product of each parameter's levels, first parameter varying slowest. Several algorithms are
/// interleaved round-robin (first point of each, then the second of each, ...) so a budget cut short still
/// samples every algorithm. Proposes the next combinations not yet run or running.
/// </summary>
public sealed class GridSearch(GridSearchOptions options) : ISearchStrategy
{
    private readonly GridSearchOptions options = options ?? throw new ArgumentNullException(nameof(options));

    public SearchStrategyKind Kind => SearchStrategyKind.Grid;

    public IReadOnlyList<TrialProposal> Propose(SearchState state, int count)
    {
        ArgumentNullException.ThrowIfNull(state);
        var tried = new HashSet<string>(StringComparer.Ordinal);
        foreach (TrialResult result in state.Results)
        {
            tried.Add(TrialKey.Of(result.Algorithm, result.Parameters));
        }

        foreach (TrialProposal running in state.RunningTrials())
        {
            tried.Add(TrialKey.Of(running.Algorithm, running.Parameters));
        }

        int next = state.NextTrialNumber();
        return this.Enumerate(state.Spaces)
            .Where(p => !tried.Contains(TrialKey.Of(p.Algorithm, p.Parameters)))
            .Take(Math.Max(count, 0))
            .Select((p, i) => new TrialProposal(next + i, p.Algorithm, p.Parameters))
            .ToList();
    }

    /// <summary>The whole grid in proposal order, lazily: grids grow multiplicatively.</summary>
    public IEnumerable<(string Algorithm, IReadOnlyDictionary<string, string> Parameters)> Enumerate(
        IReadOnlyList<SearchSpace> spaces)
    {
        ArgumentNullException.ThrowIfNull(spaces);
        var cursors = spaces.Select(s => (s.Algorithm, Points: this.Points(s).GetEnumerator())).ToList();
        try
        {
            bool any = true;
            while (any)
            {
                any = false;
                foreach ((string algorithm, IEnumerator<IReadOnlyDictionary<string, string>> points) in cursors)
                {
                    if (points.MoveNext())
                    {
                        any = true;
                        yield return (algorithm, points.Current);
                    }
                }
            }
        }
        finally
        {
            cursors.ForEach(c => c.Points.Dispose());
        }
    }

    public int LevelsFor(ParameterRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return this.options.LevelsByParameter is { } overrides && overrides.TryGetValue(range.Name, out int levels)
            ? levels
            : this.options.Levels;
    }

    private IEnumerable<IReadOnlyDictionary<string, string>> Points(SearchSpace space)
    {
        IReadOnlyList<string>[] levels = space.Parameters.Select(r => GridLevels.For(r, this.LevelsFor(r))).ToArray();
        int[] odometer = new int[levels.Length];
        while (true)
        {
            var point = new Dictionary<string, string>(levels.Length, StringComparer.Ordinal);
            for (int p = 0; p < levels.Length; p++)
            {
                point[space.Parameters[p].Name] = levels[p][odometer[p]];
            }

            yield return point;

            // Last parameter turns fastest; when the first one wraps the product is done.
            int digit = levels.Length - 1;
            while (digit >= 0 && ++odometer[digit] == levels[digit].Count)
            {
                odometer[digit] = 0;
                digit--;
            }

            if (digit < 0)
            {
                yield break;
            }
        }
    }
}
