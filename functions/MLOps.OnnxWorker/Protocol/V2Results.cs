using System.Text.Encodings.Web;
using System.Text.Json;

namespace MLOps.OnnxWorker.Protocol;

/// <summary>The protocol's error object, {"error": "..."}, with the status that goes with it.</summary>
public static class V2Results
{
    /// <summary>
    /// Web defaults, with quotes and apostrophes left readable in error texts: the bodies are application/json for
    /// API clients, never embedded in HTML.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Error(int status, string message) => Results.Json(new { error = message }, Json, statusCode: status);

    public static async Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, new { error = message }, Json, context.RequestAborted);
    }
}
