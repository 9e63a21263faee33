using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MLOps.Core.Audit;
using MLOps.Core.DataEngineering;
using MLOps.Core.Delivery;
using MLOps.Core.Landing;
using MLOps.Core.Diagnostics;
using MLOps.Core.Events;
using MLOps.Core.Integration;
using MLOps.Core.Integration.Builds;
using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.FeatureStore;
using MLOps.Core.Lineage;
using MLOps.Core.Observability;
using MLOps.Core.Packaging;
using MLOps.Core.Pipelines;
using MLOps.Core.Projects;
using MLOps.Core.Registry;
using MLOps.Core.Scheduling;
using MLOps.Core.Security;
using MLOps.Core.Serving;
using MLOps.Core.Serving.Workers;
using MLOps.Core.Storage;
using MLOps.Core.Tracking;

namespace MLOps.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Adds the domain services both hosts share, bound to configuration.</summary>
    public static IServiceCollection AddMLOpsCore(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName);
        services.AddOptions<EventGridOptions>().BindConfiguration(EventGridOptions.SectionName);
        services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.SectionName);
        services.AddOptions<DataEngineeringOptions>().BindConfiguration(DataEngineeringOptions.SectionName);
        services.AddOptions<StagingSweepOptions>().BindConfiguration(StagingSweepOptions.SectionName);
        services.AddOptions<IntegrationCheckOptions>().BindConfiguration(IntegrationCheckOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IntegrationCheckOptions>, IntegrationCheckOptionsValidation>());
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new BlobServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString));
        services.TryAddSingleton(PipelineCatalog.Default);
        services.TryAddSingleton(PermissionMatrix.Default);
        services.TryAddSingleton<PlatformMetrics>();
        services.TryAddSingleton<ApiKeyAuthenticator>();
        services.TryAddSingleton<IAuditLog, BlobAuditLog>();
        services.TryAddSingleton<StagingSweeper>();
        services.TryAddSingleton<IPlatformEventPublisher, EventGridPlatformEventPublisher>();
        services.TryAddSingleton<PipelineEventRecorder>();
        services.TryAddSingleton<DiagnosticsLedger>();
        services.TryAddSingleton<LandingIngestor>();
        services.TryAddSingleton<LandingUploader>();
        services.TryAddSingleton<ILandingQueue, TableLandingQueue>();
        services.TryAddSingleton<Reports.ReportLibrary>();
        services.TryAddSingleton<SnapshotProfiler>();
        services.TryAddSingleton<ProjectRegistry>();
        services.TryAddSingleton<RequirementsAnalyst>();
        services.TryAddSingleton<FeatureSetBuilder>();
        services.TryAddSingleton<OfflineFeatureStore>();
        services.TryAddSingleton(sp => new TableServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString));
        services.TryAddSingleton(sp => new QueueServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString));
        services.TryAddSingleton<StorageReadiness>();
        services.AddInferenceWorkerPool();
        services.TryAddSingleton(sp => new OnlineFeatureStore(sp.GetRequiredService<TableServiceClient>()));
        services.TryAddSingleton<FeatureConsistencyChecker>();
        services.TryAddSingleton(_ => new FeatureStatisticsCalculator());
        services.TryAddSingleton<FeatureStatisticsStore>();
        services.TryAddSingleton<LineageStore>();
        services.TryAddSingleton<SnapshotValidator>();
        services.TryAddSingleton<FeatureSetPublisher>();
        services.TryAddSingleton<FeatureSetServing>();
        services.TryAddSingleton<SensitiveGroups>();

        // Experiment tracking and the model registry.
        services.TryAddSingleton<IExperimentTracker>(sp => new TableExperimentTracker(
            sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<BlobServiceClient>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IApprovalPolicySource, ProjectApprovalPolicySource>();
        services.TryAddSingleton<IModelRegistry, TableModelRegistry>();

        // Model packages: the signing key from configuration (Key Vault in Azure) or a generated development key.
        services.AddOptions<PackageSigningOptions>().BindConfiguration(PackageSigningOptions.SectionName);
        services.TryAddSingleton(sp => PackageSigningKeys.Load(
            sp.GetRequiredService<IOptions<PackageSigningOptions>>().Value, sp.GetRequiredService<ILogger<PackageSigner>>()));
        services.TryAddSingleton(sp => PackageSigningKeys.Verifier(
            sp.GetRequiredService<PackageSigner>(), sp.GetRequiredService<IOptions<PackageSigningOptions>>().Value));
        services.TryAddSingleton<IModelPackageStore, BlobModelPackageStore>();
        services.TryAddSingleton<ModelPackageReader>();
        services.TryAddSingleton<PackageBuilder>();

        // Continuous integration: the record of each build.
        services.TryAddSingleton<BuildRecorder>();

        // Continuous deployment: the ports it moves traffic, judges gates and A/B tests through are the serving and
        // delivery implementations' (IEndpointTraffic, IDeploymentGates, IAbJudge).
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.SectionName);
        services.TryAddSingleton<IProjectGatesSource, RegisteredProjectGates>();
        services.TryAddSingleton<DeploymentResolver>();
        services.TryAddSingleton<DeploymentNotices>();
        services.TryAddSingleton<DeploymentActions>();

        // Door checks of pipeline inputs that need the platform's state.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAdmissionCheck, RegisteredProjectCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAdmissionCheck, IntegrationAdmission>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAdmissionCheck, DeploymentAdmission>());
        services.TryAddSingleton<SubmissionCheck>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAdmissionCheck, SubmissionCheck>(sp => sp.GetRequiredService<SubmissionCheck>()));

        services.AddMLOpsServing();
        services.AddMLOpsDeliveryJudges();
        return services;
    }
}
