using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace MLOps.Triggers.Http;

/// <summary>
/// Reads a small JSON command body strictly: unknown members, missing required members and wrong types are
/// 400s, an oversized body is a 413, so a typo never silently becomes a default.
/// </summary>
public static class JsonBody
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The body as <typeparamref name="T"/>, or null with the problem response in <paramref name="problem"/>.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, long limit, Func<T, IReadOnlyList<string>> validate)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(validate);
        string? text = await BodyReader.ReadAsync(request, limit, request.HttpContext.RequestAborted);
        if (text is null)
        {
            return (null, Problems.TooLarge(limit));
        }

        T? value;
        try
        {
            value = string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize<T>(text, Options);
        }
        catch (JsonException ex)
        {
            return (null, Problems.BadRequest($"The body is not a valid {typeof(T).Name}.", [ex.Message]));
        }

        if (value is null)
        {
            return (null, Problems.BadRequest($"The body must be a JSON object ({typeof(T).Name})."));
        }

        IReadOnlyList<string> problems = validate(value);
        return problems.Count == 0 ? (value, null) : (null, Problems.BadRequest($"The body is not a valid {typeof(T).Name}.", problems));
    }
}
