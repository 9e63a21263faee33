using System.Text.Json;
using System.Text.Json.Nodes;

namespace MLOps.IntegrationTests.Hostile;

/// <summary>
/// One entry of <c>hostile-corpus.json</c>: an HTTP request (or a landed blob, or the same request sent
/// concurrently) and what the platform must answer. Text fields may hold the macros of <see cref="CorpusMacros"/>.
/// </summary>
public sealed record HostileCase
{
    /// <summary>The class of hostile input, for the report (auth, route-value, query, body, spec, event-grid, raise-event, landing, concurrency).</summary>
    public required string Class { get; init; }

    public string? Name { get; init; }

    public string Method { get; init; } = "GET";

    public string? Path { get; init; }

    /// <summary>Which dev key to send: admin, platform, business, risk, operations, scientist, engineer, none or wrong.</summary>
    public string Key { get; init; } = "admin";

    public string? ContentType { get; init; }

    /// <summary>The body as text.</summary>
    public string? Body { get; init; }

    /// <summary>The body as a JSON value (serialized, then macros expanded).</summary>
    public JsonNode? Json { get; init; }

    /// <summary>A bundled spec (<c>shared/specs</c>) renamed to the second element, then edited by <see cref="SpecEdits"/>.</summary>
    public string[]? SpecOf { get; init; }

    /// <summary>Dotted paths into the spec and the JSON values to put there (null removes the member).</summary>
    public Dictionary<string, JsonNode?>? SpecEdits { get; init; }

    public Dictionary<string, string>? Headers { get; init; }

    /// <summary>The acceptable statuses (all 4xx).</summary>
    public int[] Expect { get; init; } = [400];

    /// <summary>Text the problem body (or the failed run's reason) must contain, case-insensitively.</summary>
    public string[] Mentions { get; init; } = [];

    /// <summary>A blob name under <c>landing/</c>: the case lands a blob instead of sending a request.</summary>
    public string? Landing { get; init; }

    public string? Content { get; init; }

    public string? ContentBase64 { get; init; }

    /// <summary>For landing cases: <c>nothing-started</c>, <c>waiting</c> (listed as waiting for a spec, no run) or <c>run-failed</c>.</summary>
    public string? Outcome { get; init; }

    /// <summary>How many identical requests to send at once.</summary>
    public int Concurrent { get; init; } = 1;

    /// <summary>
    /// For concurrent cases: how many responses must have each status (<c>"202": 1</c>) or, for Event Grid
    /// receipts, how many events the answers list as <c>accepted</c> and <c>duplicates</c> in all.
    /// </summary>
    public Dictionary<string, int>? Counts { get; init; }

    private static readonly JsonSerializerOptions CorpusOptions = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public string Title => this.Name ?? $"{this.Method} {this.Path ?? this.Landing}";

    public static IReadOnlyList<HostileCase> Load()
    {
        string path = System.IO.Path.Combine(AppContext.BaseDirectory, "Hostile", "hostile-corpus.json");
        return JsonSerializer.Deserialize<HostileCase[]>(File.ReadAllText(path), CorpusOptions)
            ?? throw new InvalidDataException("The hostile corpus is empty.");
    }
}
