using MLOps.Core.Events;
using MLOps.LocalHost;
using MLOps.LocalHost.Azurite;
using MLOps.LocalHost.Demo;

// The embedded default host. `dotnet run` serves the API; `dotnet run -- demo` also runs the lifecycle demo
// against it over HTTP and exits with its result.
bool demo = args.Contains("demo", StringComparer.OrdinalIgnoreCase);
string[] hostArgs = args.Where(a => !a.Equals("demo", StringComparison.OrdinalIgnoreCase)).ToArray();

IConfiguration settings = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: false)
    .AddEnvironmentVariables()
    .AddCommandLine(hostArgs)
    .Build();

await using AzuriteProcess azurite = await AzuriteProcess.EnsureRunningAsync(LocalHostBuilder.AzuriteOptions(settings));
string url = settings["Urls"] ?? "http://127.0.0.1:7071";
WebApplication app = LocalHostBuilder.Build(hostArgs, azurite.ConnectionString, builder =>
{
    if (string.IsNullOrEmpty(settings[$"{EventGridOptions.SectionName}:TopicEndpoint"]))
    {
        builder.Configuration.AddInMemoryCollection(
            LocalHostBuilder.SelfPublishing(url, settings[$"{EventGridOptions.SectionName}:TopicKey"] ?? string.Empty));
    }
});

if (!demo)
{
    await app.RunAsync();
    return 0;
}

await app.StartAsync();
int exitCode = await new LifecycleDemo(new Uri(url), RepositoryRoot.Find(), Console.Out).RunAsync();
await app.StopAsync();
return exitCode;
