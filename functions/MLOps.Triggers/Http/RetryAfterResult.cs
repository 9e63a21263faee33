using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace MLOps.Triggers.Http;

/// <summary>Adds <c>Retry-After</c> (seconds) to another result: a 503 tells the caller when to try again.</summary>
internal sealed class RetryAfterResult(IResult inner, int seconds) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return inner.ExecuteAsync(httpContext);
    }
}
