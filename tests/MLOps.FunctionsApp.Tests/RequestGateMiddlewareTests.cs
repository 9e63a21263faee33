using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using MLOps.FunctionsApp.Tests.Support;
using MLOps.FunctionsApp.Triggers;
using MLOps.FunctionsApp.Triggers.Http;
using MLOps.Triggers.Http;

namespace MLOps.FunctionsApp.Tests;

/// <summary>The Functions app runs the embedded host's request gate as worker middleware, with the same rules.</summary>
public sealed class RequestGateMiddlewareTests
{
    private static readonly string GetModel = EntryPoint(typeof(ModelRegistryFunctions), nameof(ModelRegistryFunctions.GetModelAsync));

    [Fact]
    public void EveryRouteParameterOfEveryFunctionHasANamedRule()
    {
        string[] entryPoints =
        [
            .. typeof(HealthFunction).Assembly.GetTypes()
                .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
                    .Select(m => EntryPoint(t, m.Name))),
        ];

        string[] parameters = [.. entryPoints.SelectMany(RequestGateMiddleware.ParametersOf).Distinct()];

        Assert.Equal(["alias", "digest", "endpoint", "eventName", "fileName", "id", "name", "pipeline", "project", "report", "runId", "version"], parameters.Order(StringComparer.Ordinal));
        Assert.All(parameters, p => Assert.True(RequestValues.Route.ContainsKey(p), $"no rule for route parameter '{p}'"));
    }

    [Fact]
    public async Task NoKeyIsA401BeforeAnythingElse()
    {
        using var harness = new TriggerHarness();
        HttpRequest request = harness.Request("GET", "/api/projects/Bad_Name/models/m");

        ExecutedResponse response = await TriggerHarness.ExecuteAsync(Check(harness, request, GetModel, new() { ["project"] = "Bad_Name", ["name"] = "m" })!, request);

        Assert.Equal(StatusCodes.Status401Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ABadRouteValueIsA400NamingTheParameter()
    {
        using var harness = new TriggerHarness();
        HttpRequest request = harness.Request("GET", "/api/projects/credit/models/m", ApiKeys.Admin);

        ExecutedResponse response = await TriggerHarness.ExecuteAsync(Check(harness, request, GetModel, new() { ["project"] = "a\u0001b", ["name"] = "m" })!, request);

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        Assert.StartsWith("project: ", response.Json.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void QueryValuesInTheBindingDataAreNotTakenForRouteValues()
    {
        using var harness = new TriggerHarness();
        HttpRequest request = harness.Request("GET", "/api/lineage", ApiKeys.Admin, query: "?kind=FeatureSetVersion&id=credit/v1");
        string lineage = EntryPoint(typeof(FeatureStoreFunctions), nameof(FeatureStoreFunctions.GetLineageAsync));

        // 'id' here is a lineage id with a slash, which the instance id rule of the route parameter 'id' would refuse.
        Assert.Null(Check(harness, request, lineage, new() { ["kind"] = "FeatureSetVersion", ["id"] = "credit/v1" }));
    }

    [Fact]
    public void GoodRequestsAndPublicRoutesPass()
    {
        using var harness = new TriggerHarness();

        Assert.Null(Check(harness, harness.Request("GET", "/api/projects/credit/models/m", ApiKeys.Admin), GetModel, new() { ["project"] = "credit", ["name"] = "m" }));
        Assert.Null(Check(harness, harness.Request("GET", "/api/health"), EntryPoint(typeof(HealthFunction), nameof(HealthFunction.Run)), []));
    }

    private static IResult? Check(TriggerHarness harness, HttpRequest request, string entryPoint, Dictionary<string, object?> bindingData) =>
        RequestGateMiddleware.Check(harness.Services.GetRequiredService<RequestGate>(), request, entryPoint, bindingData);

    private static string EntryPoint(Type type, string method) => $"{type.FullName}.{method}";
}
