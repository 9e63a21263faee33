using System.Globalization;
using System.Text;

namespace MLOps.Core.Observability;

/// <summary>
/// Values from callers (names, blob paths, reasons) escaped for a log message: a control character is written
/// as <c>\uXXXX</c>, so a name holding a newline cannot split a log line or forge one.
/// </summary>
public static class LogText
{
    public static string Escape(string? value)
    {
        if (value is null || !value.Any(char.IsControl))
        {
            return value ?? string.Empty;
        }

        var builder = new StringBuilder(value.Length + 16);
        foreach (char c in value)
        {
            builder.Append(char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}") : c.ToString());
        }

        return builder.ToString();
    }
}
