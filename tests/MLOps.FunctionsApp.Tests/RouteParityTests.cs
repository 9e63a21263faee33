using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using MLOps.FunctionsApp.Triggers;
using MLOps.LocalHost;
using Moq;

namespace MLOps.FunctionsApp.Tests;

/// <summary>Clients must not care which host serves them: the Functions app answers exactly the embedded host's routes.</summary>
public sealed class RouteParityTests
{
    [Fact]
    public async Task FunctionsAppExposesTheEmbeddedHostsRoutes()
    {
        SortedSet<string> embedded = await EmbeddedHostRoutesAsync();

        Assert.Contains("POST /api/pipelines/{pipeline}", embedded);
        Assert.Equal(embedded, FunctionRoutes());
    }

    [Fact]
    public void EveryHttpFunctionIsAnonymousBecauseTheApiKeyGuardAuthorizes()
    {
        Assert.All(HttpTriggers(), t => Assert.Equal(AuthorizationLevel.Anonymous, t.AuthLevel));
    }

    private static SortedSet<string> FunctionRoutes() =>
        new(HttpTriggers().SelectMany(t => t.Methods!.Select(m => $"{m.ToUpperInvariant()} /api/{t.Route}")), StringComparer.Ordinal);

    private static IEnumerable<HttpTriggerAttribute> HttpTriggers() =>
        typeof(HealthFunction).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
            .OfType<HttpTriggerAttribute>();

    private static async Task<SortedSet<string>> EmbeddedHostRoutesAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder();
        FunctionsAppComposition.ConfigureServices(builder.Services);
        builder.Services.AddSingleton(new Mock<DurableTaskClient>("test").Object);
        await using WebApplication app = builder.Build();
        app.MapMLOpsApi();
        return new(
            ((IEndpointRouteBuilder)app).DataSources
                .SelectMany(s => s.Endpoints)
                .OfType<RouteEndpoint>()
                .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText}")),
            StringComparer.Ordinal);
    }
}
