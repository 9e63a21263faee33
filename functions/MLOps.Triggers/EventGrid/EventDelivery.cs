using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MLOps.Core.Json;
using MLOps.Core.Naming;

namespace MLOps.Triggers.EventGrid;

/// <summary>
/// Reads a webhook delivery of either schema (an Event Grid array, a CloudEvents batch or one structured
/// CloudEvent) under <see cref="JsonLimits"/> and checks each event's envelope by hand: every field of the wrong
/// JSON type, missing or too long is named as <c>events[i].field</c>. Well-formed events are returned even when
/// others in the batch are not, so the good ones run once and the bad ones are reported, never a 500 that would
/// make Event Grid redeliver the whole batch.
/// </summary>
public static class EventDelivery
{
    public const string SubscriptionValidation = "Microsoft.EventGrid.SubscriptionValidationEvent";

    public const int MaxIdLength = 256;

    public const int MaxFieldLength = 1024;

    /// <summary>The well-formed events, and every problem of the others (or of the delivery as a whole).</summary>
    public static (IReadOnlyList<IncomingEvent> Events, IReadOnlyList<string> Problems) Parse(string body, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(body);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body, documentOptions: JsonLimits.Body);
        }
        catch (JsonException e)
        {
            return ([], [JsonLimits.Describe(e)]);
        }

        bool cloudContent = contentType?.Contains("cloudevents", StringComparison.OrdinalIgnoreCase) == true;
        JsonNode?[] items = root switch
        {
            JsonArray array => [.. array],
            JsonObject single when cloudContent || single.ContainsKey("specversion") => [single],
            _ => [],
        };
        if (root is not JsonArray && items.Length == 0)
        {
            return ([], ["$: a delivery must be an array of events (or one CloudEvent with a CloudEvents content type)"]);
        }

        if (items.Length == 0)
        {
            return ([], ["$: the delivery holds no events"]);
        }

        var events = new List<IncomingEvent>();
        var problems = new List<string>();
        for (int i = 0; i < items.Length; i++)
        {
            string path = $"events[{i}]";
            int before = problems.Count;
            IncomingEvent? incoming = items[i] is JsonObject item
                ? cloudContent || item.ContainsKey("specversion") ? CloudEvent(item, i, path, problems) : GridEvent(item, i, path, problems)
                : Fail<IncomingEvent>(problems, $"{path}: must be an object");
            if (incoming is not null && problems.Count == before)
            {
                events.Add(incoming);
            }
        }

        return (events, problems);
    }

    private static IncomingEvent? GridEvent(JsonObject item, int index, string path, List<string> problems)
    {
        string? id = Text(item, "id", path, problems, required: true, MaxIdLength);
        string? type = Text(item, "eventType", path, problems, required: true, MaxIdLength);
        string? subject = Text(item, "subject", path, problems, required: true, MaxFieldLength, allowEmpty: true);
        string? topic = Text(item, "topic", path, problems, required: false, MaxFieldLength);
        Text(item, "dataVersion", path, problems, required: true, MaxIdLength, allowEmpty: true);
        Text(item, "metadataVersion", path, problems, required: false, MaxIdLength);
        Time(item, "eventTime", path, problems, required: true);
        if (!item.ContainsKey("data"))
        {
            problems.Add($"{path}.data: is required");
        }

        return id is null || type is null || subject is null ? null : Create(index, id, topic ?? subject, type, item["data"], path, problems);
    }

    private static IncomingEvent? CloudEvent(JsonObject item, int index, string path, List<string> problems)
    {
        if (Text(item, "specversion", path, problems, required: true, MaxIdLength) is { } version && version != "1.0")
        {
            problems.Add($"{path}.specversion: must be \"1.0\"");
        }

        string? id = Text(item, "id", path, problems, required: true, MaxIdLength);
        string? source = Text(item, "source", path, problems, required: true, MaxFieldLength);
        string? type = Text(item, "type", path, problems, required: true, MaxIdLength);
        Text(item, "subject", path, problems, required: false, MaxFieldLength, allowEmpty: true);
        Text(item, "datacontenttype", path, problems, required: false, MaxIdLength);
        Time(item, "time", path, problems, required: false);
        return id is null || source is null || type is null ? null : Create(index, id, source, type, item["data"], path, problems);
    }

    private static IncomingEvent? Create(int index, string id, string source, string type, JsonNode? data, string path, List<string> problems)
    {
        string? code = null;
        if (type == SubscriptionValidation)
        {
            code = data is JsonObject d && d["validationCode"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
            if (code is null)
            {
                problems.Add($"{path}.data.validationCode: must be a string");
            }
        }

        return new IncomingEvent(index, id, source, type, data?.DeepClone(), code);
    }

    private static string? Text(JsonObject item, string name, string path, List<string> problems, bool required, int maxLength, bool allowEmpty = false)
    {
        if (!item.TryGetPropertyValue(name, out JsonNode? node) || node is null)
        {
            return required ? Fail<string>(problems, $"{path}.{name}: is required") : null;
        }

        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return Fail<string>(problems, $"{path}.{name}: must be a string");
        }

        string text = value.GetValue<string>();
        return (text.Length == 0 && !allowEmpty) || text.Length > maxLength || NameRules.HasControl(text)
            ? Fail<string>(problems, $"{path}.{name}: must be {(allowEmpty ? 0 : 1)} to {maxLength} characters, none of them a control character")
            : text;
    }

    private static void Time(JsonObject item, string name, string path, List<string> problems, bool required)
    {
        if (!item.TryGetPropertyValue(name, out JsonNode? node) || node is null)
        {
            if (required)
            {
                problems.Add($"{path}.{name}: is required");
            }

            return;
        }

        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String
            || !DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))
        {
            problems.Add($"{path}.{name}: must be an ISO 8601 time such as 2026-01-31T12:00:00Z");
        }
    }

    private static T? Fail<T>(List<string> problems, string problem)
        where T : class
    {
        problems.Add(problem);
        return null;
    }
}

/// <summary>An event of either schema, reduced to what routing needs; <see cref="Index"/> is its place in the delivery.</summary>
public sealed record IncomingEvent(int Index, string Id, string Source, string Type, JsonNode? Data, string? ValidationCode)
{
    public string Path => $"events[{this.Index}]";
}
