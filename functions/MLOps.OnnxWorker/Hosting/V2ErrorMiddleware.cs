using MLOps.OnnxWorker.Protocol;

namespace MLOps.OnnxWorker.Hosting;

/// <summary>
/// Turns a <see cref="V2Exception"/> into its status and error object, a body Kestrel cut off (over its size limit)
/// into 413, and anything else into a 500 whose error names no internal type (the details go to the log).
/// </summary>
public sealed class V2ErrorMiddleware(RequestDelegate next, ILogger<V2ErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        catch (V2Exception e) when (!context.Response.HasStarted)
        {
            await V2Results.WriteErrorAsync(context, e.Status, e.Message);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await V2Results.WriteErrorAsync(context, e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The body is too large." : "The request is malformed.");
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            logger.LogError(e, "{Method} {Path} failed.", context.Request.Method, context.Request.Path);
            await V2Results.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "The worker failed to handle the request; see its log.");
        }
    }
}
