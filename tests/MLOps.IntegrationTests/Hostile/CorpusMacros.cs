using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MLOps.IntegrationTests.Hostile;

/// <summary>
/// Expands the corpus macros: <c>{{name}}</c> (a fixture value such as <c>project</c>, <c>second</c>,
/// <c>waiting</c>, or <c>fresh</c>, an unregistered name new for each case), <c>{{repeat N text}}</c> and
/// <c>{{seq N text}}</c> (text followed by 0, 1, … N-1), so that large inputs stay short in the corpus file.
/// </summary>
internal sealed partial class CorpusMacros(IReadOnlyDictionary<string, string> values)
{
    public string Expand(string text) => Macro().Replace(text, m =>
    {
        string name = m.Groups["name"].Value;
        if (!m.Groups["count"].Success)
        {
            return values.TryGetValue(name, out string? value) ? value : throw new InvalidDataException($"Unknown corpus macro '{name}'.");
        }

        int count = int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture);
        string unit = m.Groups["text"].Value;
        var builder = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            builder.Append(unit);
            if (name == "seq")
            {
                builder.Append(i.ToString(CultureInfo.InvariantCulture));
            }
            else if (name != "repeat")
            {
                throw new InvalidDataException($"Unknown corpus macro '{name}'.");
            }
        }

        return builder.ToString();
    });

    [GeneratedRegex(@"\{\{(?<name>[a-z]+)(?: (?<count>[0-9]+) (?<text>[^}]*))?\}\}")]
    private static partial Regex Macro();
}
