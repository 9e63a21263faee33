namespace MLOps.Core.DataEngineering.Cleaning;

/// <summary>
/// Fold the spellings of <see cref="Column"/>: to the declared spelling of the matching allowed value, or to the
/// canonical spelling when there are no <see cref="AllowedValues"/> (see <see cref="CategorySpelling"/>).
/// A value that matches no allowed value is left as it is, for the allowed-values rule to handle.
/// </summary>
public sealed record NormaliseRule(string Column, IReadOnlyList<string>? AllowedValues = null)
{
    /// <summary>The rule id under which cleaning reports what this rule changed.</summary>
    public string Id => $"{this.Column}.normalise";

    public CategorySpelling Spelling() => new(this.AllowedValues, normalise: true);
}
