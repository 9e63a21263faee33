using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MLOps.FunctionsApp.Tests.Support;

/// <summary>What an <see cref="IResult"/> wrote to the response: status, headers and JSON body.</summary>
internal sealed record ExecutedResponse(int StatusCode, IHeaderDictionary Headers, string? ContentType, JsonElement Json)
{
    public static async Task<ExecutedResponse> ExecuteAsync(IResult result, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        await result.ExecuteAsync(context);
        Stream body = context.Response.Body;
        body.Position = 0;
        JsonElement json = default;
        if (body.Length > 0)
        {
            using JsonDocument document = await JsonDocument.ParseAsync(body);
            json = document.RootElement.Clone();
        }

        return new ExecutedResponse(context.Response.StatusCode, context.Response.Headers, context.Response.ContentType, json);
    }
}
