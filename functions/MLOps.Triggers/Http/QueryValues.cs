using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace MLOps.Triggers.Http;

/// <summary>Optional query parameters parsed strictly: a value that is present but malformed is an error, never ignored.</summary>
internal static class QueryValues
{
    public static bool TryInt(HttpRequest request, string name, int min, int max, out int? value)
    {
        value = null;
        if (!request.Query.TryGetValue(name, out var text))
        {
            return true;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int parsed) || parsed < min || parsed > max)
        {
            return false;
        }

        value = parsed;
        return true;
    }

    public static bool TryBool(HttpRequest request, string name, out bool? value)
    {
        value = null;
        if (!request.Query.TryGetValue(name, out var text))
        {
            return true;
        }

        if (!bool.TryParse(text, out bool parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    /// <summary>An enum member by name (case-insensitive); numbers are refused so clients cannot depend on declaration order.</summary>
    public static bool TryEnum<TEnum>(HttpRequest request, string name, out TEnum? value)
        where TEnum : struct, Enum
    {
        value = null;
        if (!request.Query.TryGetValue(name, out var values))
        {
            return true;
        }

        string text = values.ToString();
        if (text.Length == 0 || !char.IsAsciiLetter(text[0]) || !Enum.TryParse(text, ignoreCase: true, out TEnum parsed) || !Enum.IsDefined(parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }
}
