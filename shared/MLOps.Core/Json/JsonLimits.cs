using System.Text.Json;

namespace MLOps.Core.Json;

/// <summary>
/// The limits every untrusted JSON (and YAML) text is read under, before anything is stored or queued: nesting
/// depth (the readers are iterative, but the code that walks the result is not, and no contract nests deeper
/// than a handful of levels) and duplicate properties (which the serializer would silently resolve to the last).
/// </summary>
public static class JsonLimits
{
    public const int MaxDepth = 32;

    /// <summary>Request bodies and event payloads.</summary>
    public static JsonDocumentOptions Body { get; } = new() { MaxDepth = MaxDepth, AllowDuplicateProperties = false };

    /// <summary>Project specs, which are documents people write, so comments are allowed.</summary>
    public static JsonDocumentOptions Document { get; } = new()
    {
        MaxDepth = MaxDepth,
        AllowDuplicateProperties = false,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>A reader's error in words, with its position and without the serializer's internal path.</summary>
    public static string Describe(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        string detail = exception.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0];
        return exception.LineNumber is { } line
            ? $"Malformed JSON at line {line + 1}, position {exception.BytePositionInLine + 1}: {detail}"
            : $"Malformed JSON: {detail}";
    }
}
