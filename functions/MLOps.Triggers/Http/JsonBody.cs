using Microsoft.AspNetCore.Http;
using MLOps.Core.Json;
using MLOps.Core.Pipelines;

namespace MLOps.Triggers.Http;

/// <summary>
/// Reads a small JSON command body strictly (<see cref="StrictJson"/>): unknown members, missing required
/// members, wrong types and numbers sent as strings are 400s naming the field, an oversized body is a 413, so a
/// typo never silently becomes a default.
/// </summary>
public static class JsonBody
{
    /// <summary>The body as <typeparamref name="T"/>, or null with the problem response in <paramref name="problem"/>.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, long limit)
        where T : class, IValidatable
    {
        ArgumentNullException.ThrowIfNull(request);
        string? text = await BodyReader.ReadAsync(request, limit, request.HttpContext.RequestAborted);
        if (text is null)
        {
            return (null, Problems.TooLarge(limit));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, Problems.BadRequest("The body must be a JSON object."));
        }

        T? value = StrictJson.Read<T>(text, out IReadOnlyList<string> problems);
        if (value is not null)
        {
            problems = value.Validate();
        }

        return problems.Count == 0 ? (value, null) : (null, Problems.BadRequest("The body is not valid.", problems));
    }
}
