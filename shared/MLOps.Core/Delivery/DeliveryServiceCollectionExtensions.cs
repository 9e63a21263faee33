using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MLOps.Core.Delivery.AbTesting;
using MLOps.Core.Delivery.Gates;
using MLOps.Core.Labels;

namespace MLOps.Core.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>Continuous deployment's judges (deployment gates, A/B test) and the ground-truth labels they read.</summary>
    public static IServiceCollection AddMLOpsDeliveryJudges(this IServiceCollection services)
    {
        services.TryAddSingleton<ILabelStore, TableLabelStore>();
        services.TryAddSingleton<IDeploymentGates, DeploymentGates>();
        services.TryAddSingleton<IAbJudge, AbJudge>();
        return services;
    }
}
