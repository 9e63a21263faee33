namespace MLOps.Core.Naming;

/// <summary>A rule for a name or other short text from a caller, and how to say what it must be.</summary>
public sealed record NameRule(string Description, Func<string, bool> Accepts)
{
    /// <summary><c>field: what it must be</c>, or null when <paramref name="value"/> is acceptable.</summary>
    public string? Problem(string field, string? value) =>
        value is not null && this.Accepts(value) ? null : $"{field}: {this.Description}";
}
