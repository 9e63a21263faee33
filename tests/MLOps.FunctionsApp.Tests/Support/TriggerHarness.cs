using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MLOps.Core.Audit;
using MLOps.Core.Landing;
using MLOps.Triggers.Http;
using MLOps.Triggers.Launching;
using Moq;

namespace MLOps.FunctionsApp.Tests.Support;

/// <summary>
/// The Functions app's real service wiring with configuration in memory, the audit log and landing ledger mocked (no storage), a
/// fake Durable client and a manual clock. Function classes are created the way the worker creates them.
/// </summary>
internal sealed class TriggerHarness : IDisposable
{
    /// <param name="replace">Changes to the wiring after the app's own, e.g. a door check that needs storage.</param>
    public TriggerHarness(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? replace = null)
    {
        Dictionary<string, string?> all = ApiKeys.Settings();
        foreach ((string key, string? value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(all).Build());
        services.AddLogging();
        FunctionsAppComposition.ConfigureServices(services);
        services.Replace(ServiceDescriptor.Singleton(this.Audit.Object));
        this.Landing.Setup(q => q.AdmitAsync(It.IsAny<LandingBlob>(), It.IsAny<CancellationToken>())).ReturnsAsync(LandingAdmission.Admitted);
        services.Replace(ServiceDescriptor.Singleton(this.Landing.Object));
        services.Replace(ServiceDescriptor.Singleton<IStartClaims>(new StartClaimsFake()));
        services.Replace(ServiceDescriptor.Singleton<IRunLocks>(new RunLocksFake()));
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(this.Clock));
        replace?.Invoke(services);
        this.Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public Mock<IAuditLog> Audit { get; } = new();

    /// <summary>The landing ledger, mocked: every project counts as registered unless a test says otherwise.</summary>
    public Mock<ILandingQueue> Landing { get; } = new();

    public DurableClientFake Durable { get; } = new();

    public ManualClock Clock { get; } = new(new DateTimeOffset(2025, 1, 1, 10, 0, 0, TimeSpan.Zero));

    public ServiceProvider Services { get; }

    public T Create<T>() => ActivatorUtilities.CreateInstance<T>(this.Services);

    /// <summary>A request to <c>http://localhost{path}</c>; the response body is kept for <see cref="ExecutedResponse"/>.</summary>
    public HttpRequest Request(string method, string path, string? apiKey = null, string? body = null, string? query = null)
    {
        var context = new DefaultHttpContext { RequestServices = this.Services };
        HttpRequest request = context.Request;
        request.Method = method;
        request.Scheme = "http";
        request.Host = new HostString("localhost");
        request.Path = path;
        request.QueryString = query is null ? QueryString.Empty : new QueryString(query);
        if (apiKey is not null)
        {
            request.Headers[RequestGuard.ApiKeyHeader] = apiKey;
        }

        if (body is not null)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            request.Body = new MemoryStream(bytes);
            request.ContentLength = bytes.Length;
            request.ContentType = "application/json";
        }

        context.Response.Body = new MemoryStream();
        return request;
    }

    public static Task<ExecutedResponse> ExecuteAsync(IResult result, HttpRequest request) =>
        ExecutedResponse.ExecuteAsync(result, request.HttpContext);

    public void Dispose() => this.Services.Dispose();
}
