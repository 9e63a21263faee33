using Microsoft.Extensions.DependencyInjection;
using MLOps.Core.Observability;

namespace MLOps.UnitTests;

internal static class TestMetrics
{
    public static PlatformMetrics Create()
    {
        ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        return new PlatformMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
    }
}
