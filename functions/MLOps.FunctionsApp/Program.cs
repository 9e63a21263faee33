using Microsoft.Extensions.Hosting;
using MLOps.FunctionsApp;

IHost host = new HostBuilder()
    .ConfigureFunctionsWebApplication(FunctionsAppComposition.ConfigureWorker)
    .ConfigureServices(FunctionsAppComposition.ConfigureServices)
    .Build();
await host.RunAsync();
