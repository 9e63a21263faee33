namespace MLOps.Core.Experiments;

/// <summary>An order-independent identity for (algorithm, parameters), so a grid point is never proposed twice.</summary>
internal static class TrialKey
{
    public static string Of(string algorithm, IReadOnlyDictionary<string, string> parameters) =>
        algorithm + "\u001F" + string.Join(
            "\u001E",
            parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "\u001D" + p.Value));
}
