using System.Text.Json;

namespace MLOps.OnnxWorker.Protocol;

/// <summary>The protocol's error object, {"error": "..."}, with the status that goes with it.</summary>
public static class V2Results
{
    public static IResult Error(int status, string message) => Results.Json(new { error = message }, statusCode: status);

    public static async Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, new { error = message }, cancellationToken: context.RequestAborted);
    }
}
