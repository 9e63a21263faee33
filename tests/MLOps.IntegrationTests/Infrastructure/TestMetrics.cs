using Microsoft.Extensions.DependencyInjection;
using MLOps.Core.Observability;

namespace MLOps.IntegrationTests.Infrastructure;

/// <summary>Platform metrics on a meter of their own, for services a test builds by hand.</summary>
internal static class TestMetrics
{
    public static PlatformMetrics Create() =>
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
}
