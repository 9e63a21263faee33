namespace MLOps.Core.DataEngineering.Cleaning;

/// <summary>
/// The one rule for matching a column's values against its allowed values, used alike by validation
/// (<see cref="Validation.AllowedValuesRule"/>), cleaning and the spec review, so none can accept what another
/// rejects. Without normalisation a value matches only an identical allowed value (ordinal, case-sensitive) and is
/// kept byte for byte. With normalisation a value matches the allowed value of the same canonical spelling
/// (<see cref="SpellingNormaliser"/>) and is written in that allowed value's declared spelling, so the data keeps
/// the spec's spelling; a normalised column without allowed values gets the canonical spelling itself.
/// </summary>
public sealed class CategorySpelling
{
    private readonly HashSet<string>? exact;
    private readonly Dictionary<string, string>? declared;

    public CategorySpelling(IReadOnlyList<string>? allowed, bool normalise)
    {
        this.Normalise = normalise;
        if (allowed is null)
        {
            return;
        }

        if (!normalise)
        {
            this.exact = new HashSet<string>(allowed, StringComparer.Ordinal);
            return;
        }

        this.declared = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string value in allowed)
        {
            // The first declaration wins; the spec review refuses lists where two share a canonical spelling.
            this.declared.TryAdd(SpellingNormaliser.Normalise(value), value);
        }
    }

    public bool Normalise { get; }

    /// <summary>
    /// The value as cleaning writes it, or null when it matches no allowed value. Missing values are the caller's
    /// concern (they are never offences against an allowed-values rule).
    /// </summary>
    public string? Clean(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!this.Normalise)
        {
            return this.exact is null || this.exact.Contains(value) ? value : null;
        }

        string canonical = SpellingNormaliser.Normalise(value);
        return this.declared is null ? canonical : this.declared.GetValueOrDefault(canonical);
    }

    /// <summary>Two allowed values that normalisation would make indistinguishable, if any.</summary>
    public static (string First, string Second, string Canonical)? Ambiguous(IEnumerable<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string value in allowed)
        {
            string canonical = SpellingNormaliser.Normalise(value);
            if (!seen.TryAdd(canonical, value))
            {
                return (seen[canonical], value, canonical);
            }
        }

        return null;
    }
}
