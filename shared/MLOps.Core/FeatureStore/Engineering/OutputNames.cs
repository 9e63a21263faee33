using System.Text;

namespace MLOps.Core.FeatureStore.Engineering;

/// <summary>
/// Feature column names become Parquet columns and, in the online store, Azure Table property names: letters,
/// digits and underscores, not starting with a digit, at most 255 characters, and unique ignoring case.
/// </summary>
public static class OutputNames
{
    public const int MaxLength = 255;

    /// <summary>Names Azure Tables reserves for itself, and the feature-set file's holdout column.</summary>
    private static readonly string[] Reserved = ["PartitionKey", "RowKey", "Timestamp", "ETag", Offline.FeatureTableSchema.HoldoutColumn];

    public static string Sanitize(string text)
    {
        string name = Clean(text);
        return name.Length == 0 || char.IsAsciiDigit(name[0]) ? "_" + name : name;
    }

    /// <summary>The feature's name, or its name and a category or bucket joined by an underscore.</summary>
    public static string Of(string feature, string? part = null) =>
        part is null ? Sanitize(feature) : Sanitize(feature) + "_" + Clean(part);

    private static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        return name.ToString();
    }

    /// <summary>Throws naming every name that is too long, reserved or taken twice (ignoring case).</summary>
    public static void CheckUnique(IEnumerable<(string Feature, string Output)> outputs, IEnumerable<string>? alsoTaken = null)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string taken in alsoTaken ?? [])
        {
            owners[Sanitize(taken)] = $"the column '{taken}'";
        }

        foreach ((string feature, string output) in outputs)
        {
            if (output.Length > MaxLength)
            {
                throw new ArgumentException($"Feature '{feature}' produces the column name '{output[..40]}…' of {output.Length} characters; at most {MaxLength} are allowed.");
            }

            if (Reserved.Contains(output, StringComparer.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"Feature '{feature}' produces the column '{output}', a name the feature store reserves.");
            }

            if (!owners.TryAdd(output, $"feature '{feature}'"))
            {
                throw new ArgumentException(
                    $"Feature '{feature}' produces the column '{output}', which {owners[output]} already produces (names are compared ignoring case after sanitising).");
            }
        }
    }
}
