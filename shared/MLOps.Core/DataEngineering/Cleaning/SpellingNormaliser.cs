using System.Text;

namespace MLOps.Core.DataEngineering.Cleaning;

/// <summary>
/// Canonical spelling of a categorical value: Unicode NFKC (full-width letters, ligatures, no-break spaces become
/// their plain forms), invariant lower-casing (simple case folding), whitespace runs collapsed to one space, trimmed.
/// " Ｒent\u00A0 Free" and "rent free" are then the same category.
/// </summary>
public static class SpellingNormaliser
{
    public static string Normalise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string folded = Nfkc.Normalize(value).ToLowerInvariant();
        var result = new StringBuilder(folded.Length);
        bool pendingSpace = false;
        foreach (char c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }
}
