using System.Globalization;
using MLOps.Triggers.Http;

namespace MLOps.LocalHost;

/// <summary>
/// Runs the <see cref="RequestGate"/> after routing and before any endpoint: a 401 without a key on every path
/// (unknown ones included), then a 400 for a route or query value no rule accepts. The Functions app runs the same
/// gate as worker middleware.
/// </summary>
public static class RequestGateMiddleware
{
    public static IApplicationBuilder UseRequestGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        RequestGate gate = context.RequestServices.GetRequiredService<RequestGate>();
        IResult? refusal = gate.Check(
            context.Request,
            context.Request.RouteValues.Select(v => new KeyValuePair<string, string?>(v.Key, Convert.ToString(v.Value, CultureInfo.InvariantCulture))));
        if (refusal is not null)
        {
            await refusal.ExecuteAsync(context);
            return;
        }

        await next(context);
    });
}
