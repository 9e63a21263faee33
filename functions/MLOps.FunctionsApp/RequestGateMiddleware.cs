using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;
using MLOps.Triggers.Http;

namespace MLOps.FunctionsApp;

/// <summary>
/// The embedded host's request gate as worker middleware, for every HTTP function: a 401 without a key, then a 400
/// for a route or query value no rule accepts, before the function runs. Route values are the binding data named
/// by the function's route template (query values share the binding data, so names alone would mix them up).
/// </summary>
public sealed partial class RequestGateMiddleware : IFunctionsWorkerMiddleware
{
    private static readonly ConcurrentDictionary<string, string[]> RouteParameters = new(StringComparer.Ordinal);

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.FunctionDefinition.InputBindings.Values.Any(b => b.Type == "httpTrigger") && context.GetHttpContext() is { } http)
        {
            IResult? refusal = Check(
                context.InstanceServices.GetRequiredService<RequestGate>(), http.Request, context.FunctionDefinition.EntryPoint, context.BindingContext.BindingData);
            if (refusal is not null)
            {
                // Answered as if the function had returned it.
                context.GetInvocationResult().Value = refusal;
                return;
            }
        }

        await next(context);
    }

    /// <summary>The refusal for a request to the function at <paramref name="entryPoint"/>, or null.</summary>
    public static IResult? Check(RequestGate gate, HttpRequest request, string entryPoint, IReadOnlyDictionary<string, object?> bindingData)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(bindingData);
        IEnumerable<KeyValuePair<string, string?>> routeValues = RouteParameters.GetOrAdd(entryPoint, ParametersOf)
            .Where(bindingData.ContainsKey)
            .Select(name => new KeyValuePair<string, string?>(name, Convert.ToString(bindingData[name], CultureInfo.InvariantCulture)));
        return gate.Check(request, routeValues);
    }

    /// <summary>The parameter names in the route template of the function whose method is <paramref name="entryPoint"/> (<c>Namespace.Type.Method</c>).</summary>
    public static string[] ParametersOf(string entryPoint)
    {
        ArgumentNullException.ThrowIfNull(entryPoint);
        int dot = entryPoint.LastIndexOf('.');
        MethodInfo? method = typeof(RequestGateMiddleware).Assembly.GetType(entryPoint[..dot])?.GetMethod(entryPoint[(dot + 1)..]);
        string? route = method?.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()?.Route).FirstOrDefault(r => r is not null);
        return route is null ? [] : [.. Parameter().Matches(route).Select(m => m.Groups["name"].Value)];
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z_][A-Za-z0-9_]*)[^}]*\}")]
    private static partial Regex Parameter();
}
