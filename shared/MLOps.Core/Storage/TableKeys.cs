using System.Globalization;
using System.Text;

namespace MLOps.Core.Storage;

/// <summary>
/// Table storage key and name rules. PartitionKey and RowKey may not contain / \ # ? or control characters
/// (U+0000–U+001F, U+007F–U+009F), so those, and the escape character % itself, are written as %XX; every other
/// character is kept, which keeps keys readable and their order close to the original.
/// </summary>
public static class TableKeys
{
    /// <summary>Table keys may be up to 1 KiB; in UTF-16 that is 512 characters.</summary>
    public const int MaxKeyLength = 512;

    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        StringBuilder? builder = null;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (IsForbidden(c) || c == '%')
            {
                builder ??= new StringBuilder(value, 0, i, value.Length + 8);
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder?.Append(c);
            }
        }

        string escaped = builder?.ToString() ?? value;
        if (escaped.Length > MaxKeyLength)
        {
            throw new ArgumentException(
                $"The key '{value[..Math.Min(value.Length, 40)]}…' is {escaped.Length} characters once escaped; Table keys allow {MaxKeyLength}.",
                nameof(value));
        }

        return escaped;
    }

    /// <summary>The length <see cref="Escape"/> gives <paramref name="value"/>, without building it.</summary>
    public static int EscapedLength(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length + (2 * value.Count(c => IsForbidden(c) || c == '%'));
    }

    public static string Unescape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] == '%')
            {
                if (i + 2 >= value.Length)
                {
                    throw new FormatException($"Truncated escape at position {i} in the key '{value}'.");
                }

                builder.Append((char)int.Parse(value.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                builder.Append(value[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// A table name that satisfies ^[A-Za-z][A-Za-z0-9]{2,62}$: the prefix, the letters and digits of the name
    /// (lower-cased, shortened) and 8 hex characters of the name's SHA-256, so names that only differ in
    /// punctuation or case ("credit-risk", "CreditRisk") still get tables of their own.
    /// </summary>
    public static string TableName(string prefix, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (prefix.Length is < 1 or > 20 || !char.IsAsciiLetter(prefix[0]) || !prefix.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"The table prefix '{prefix}' must be 1–20 ASCII letters or digits, starting with a letter.", nameof(prefix));
        }

        string hash = ContentHash.Sha256(name)[..8];
        string alnum = new string(name.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        int room = 63 - prefix.Length - hash.Length;
        return prefix + alnum[..Math.Min(alnum.Length, room)] + hash;
    }

    private static bool IsForbidden(char c) => c is '/' or '\\' or '#' or '?' || char.IsControl(c);
}
