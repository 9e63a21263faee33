using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MLOps.Core.Json;
using MLOps.Core.Naming;

namespace MLOps.Core.Serving.Scoring;

/// <summary>
/// Reads a score body — <c>{"rows":[{column: value, …}, …]}</c> or <c>{"keys":["…", …]}</c> — under the untrusted-JSON
/// limits (<see cref="JsonLimits.Body"/>: depth, no duplicate members). Values are taken as a landed file would hold
/// them: a string as it is, a number as written, a Boolean as <c>true</c>/<c>false</c>, null as an empty (missing)
/// value; what a value means is for the feature contract to judge, per row. Only the shape is judged here, every
/// problem named by its path.
/// </summary>
public static class ScoreRequestReader
{
    public const string RowsMember = "rows";
    public const string KeysMember = "keys";

    /// <summary>Longest column name a record may use (names reach messages and the request log).</summary>
    public const int MaxColumnNameLength = 256;

    private const int MaxProblems = 20;

    public static ScoreRequest? Read(string text, int maxRows, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            problems = [$"$: must be a JSON object with '{RowsMember}' or '{KeysMember}'"];
            return null;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: JsonLimits.Body);
        }
        catch (JsonException e)
        {
            problems = [JsonLimits.Describe(e)];
            return null;
        }

        var found = new List<string>();
        ScoreRequest? request = Read(root, maxRows, found);
        problems = found.Count > MaxProblems ? [.. found.Take(MaxProblems), $"… and {found.Count - MaxProblems} more"] : found;
        return found.Count == 0 ? request : null;
    }

    private static ScoreRequest? Read(JsonNode? root, int maxRows, List<string> problems)
    {
        if (root is not JsonObject body)
        {
            problems.Add($"$: must be a JSON object with '{RowsMember}' or '{KeysMember}'");
            return null;
        }

        foreach ((string name, _) in body)
        {
            if (name is not (RowsMember or KeysMember))
            {
                problems.Add($"$.{Shorten(name)}: is not a member; send '{RowsMember}' (raw records) or '{KeysMember}' (entity keys)");
            }
        }

        bool hasRows = body.ContainsKey(RowsMember), hasKeys = body.ContainsKey(KeysMember);
        if (hasRows == hasKeys)
        {
            problems.Add($"$: send exactly one of '{RowsMember}' (raw records) and '{KeysMember}' (entity keys)");
            return null;
        }

        string member = hasRows ? RowsMember : KeysMember;
        if (body[member] is not JsonArray items)
        {
            problems.Add($"$.{member}: must be an array");
            return null;
        }

        if (items.Count == 0 || items.Count > maxRows)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"$.{member}: must hold 1 to {maxRows} items (Serving:MaxRows), not {items.Count}"));
            return null;
        }

        return hasRows ? ReadRows(items, problems) : ReadKeys(items, problems);
    }

    private static ScoreRequest? ReadRows(JsonArray items, List<string> problems)
    {
        var rows = new IReadOnlyDictionary<string, string?>[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            string path = string.Create(CultureInfo.InvariantCulture, $"$.{RowsMember}[{i}]");
            if (items[i] is not JsonObject record)
            {
                problems.Add($"{path}: must be an object of column: value");
                continue;
            }

            var values = new Dictionary<string, string?>(record.Count, StringComparer.Ordinal);
            foreach ((string column, JsonNode? value) in record)
            {
                if (column.Length is 0 or > MaxColumnNameLength || NameRules.HasControl(column))
                {
                    problems.Add($"{path}: column names must be 1 to {MaxColumnNameLength} characters without control characters ('{Shorten(column)}')");
                }
                else if (Text(value) is { } text)
                {
                    values[column] = text;
                }
                else
                {
                    problems.Add($"{path}.{Shorten(column)}: must be a string, number, Boolean or null, not {Describe(value!)}");
                }
            }

            rows[i] = values;
        }

        return problems.Count > 0 ? null : new ScoreRequest(ScoreInputKind.Rows, rows, [], items);
    }

    private static ScoreRequest? ReadKeys(JsonArray items, List<string> problems)
    {
        var keys = new string[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            string path = string.Create(CultureInfo.InvariantCulture, $"$.{KeysMember}[{i}]");
            if (items[i] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { } key)
            {
                if (NameRules.Key.Problem(path, key) is { } problem)
                {
                    problems.Add(problem);
                }

                keys[i] = key;
            }
            else
            {
                problems.Add($"{path}: must be a string (an entity key)");
            }
        }

        return problems.Count > 0 ? null : new ScoreRequest(ScoreInputKind.Keys, [], keys, items);
    }

    /// <summary>The value as a landed file would hold it; null for an object or array, which no cell can hold.</summary>
    private static string? Text(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),

            // As written: the contract's own parser reads it, exactly as it reads a landed file's text.
            JsonValueKind.Number => v.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => string.Empty,
        },
        _ => null,
    };

    private static string Describe(JsonNode value) => value is JsonArray ? "an array" : "an object";

    private static string Shorten(string value)
    {
        string visible = new([.. value.Select(c => char.IsControl(c) ? '?' : c)]);
        return visible.Length <= 64 ? visible : string.Concat(visible.AsSpan(0, 64), "…");
    }
}
