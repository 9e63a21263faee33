namespace MLOps.Core.Experiments;

/// <summary>Uniform sampling in each parameter's internal space: uniform, log-uniform, integer-uniform, categorical.</summary>
public static class ParameterSampler
{
    public static IReadOnlyDictionary<string, string> Sample(SearchSpace space, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(random);
        var values = new Dictionary<string, string>(space.Parameters.Count, StringComparer.Ordinal);
        foreach (ParameterRange range in space.Parameters)
        {
            values[range.Name] = Sample(range, random);
        }

        return values;
    }

    public static string Sample(ParameterRange range, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return ParameterCodec.FromUnit(range, random.NextDouble());
    }

    /// <summary>Spreads algorithms evenly by trial number while nothing is known about which one is better.</summary>
    public static SearchSpace RoundRobin(SearchState state, int trialNumber)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Spaces.Count == 0)
        {
            throw new ArgumentException("A search needs at least one search space.", nameof(state));
        }

        return state.Spaces[trialNumber % state.Spaces.Count];
    }
}
