using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MLOps.OnnxWorker.Protocol;

namespace MLOps.OnnxWorker.Hosting;

/// <summary>
/// With Worker:AccessKey set, every route but the health probes needs "Authorization: Bearer {key}" (compared in
/// constant time); without it, 401. Loading a model and running it are not for anyone who can reach the port.
/// </summary>
public sealed class AccessKeyMiddleware(RequestDelegate next, IOptions<WorkerOptions> options)
{
    private readonly byte[]? key = string.IsNullOrEmpty(options.Value.AccessKey) ? null : Encoding.UTF8.GetBytes(options.Value.AccessKey);

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (this.key is null || context.Request.Path.StartsWithSegments("/v2/health", StringComparison.Ordinal) || this.Presented(context))
        {
            await next(context);
            return;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        await V2Results.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "This worker needs its access key: Authorization: Bearer <Worker:AccessKey>.");
    }

    private bool Presented(HttpContext context)
    {
        string header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[7..]), this.key);
    }
}
