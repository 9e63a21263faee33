namespace MLOps.Core.Experiments;

/// <summary>The class-weighting trial parameter and the balanced weights it asks for.</summary>
public static class ClassWeights
{
    /// <summary>The trial parameter that carries a <see cref="ClassWeighting"/>; absent means none.</summary>
    public const string ParameterName = "ClassWeights";

    /// <summary>The trial's parameters with the weighting added; unchanged when there is none, so unweighted runs read as before.</summary>
    public static IReadOnlyDictionary<string, string> With(IReadOnlyDictionary<string, string> parameters, ClassWeighting weighting)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (weighting == ClassWeighting.None)
        {
            return parameters;
        }

        return new Dictionary<string, string>(parameters, StringComparer.Ordinal) { [ParameterName] = weighting.ToString() };
    }

    public static ClassWeighting Of(IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (TrialParameters.GetString(parameters, ParameterName) is not { } text)
        {
            return ClassWeighting.None;
        }

        // By name only: Enum.TryParse would also take "1".
        return Enum.GetNames<ClassWeighting>().FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<ClassWeighting>(name)
            : throw new FormatException($"Parameter '{ParameterName}' = '{text}' is not one of {string.Join(", ", Enum.GetNames<ClassWeighting>())}.");
    }

    /// <summary>n / (k · n_c) per row, where <paramref name="classOf"/> gives each row's class.</summary>
    public static float[] Balanced(IReadOnlyList<int> classOf)
    {
        ArgumentNullException.ThrowIfNull(classOf);
        Dictionary<int, int> counts = classOf.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        return classOf.Select(c => (float)((double)classOf.Count / (counts.Count * counts[c]))).ToArray();
    }
}
