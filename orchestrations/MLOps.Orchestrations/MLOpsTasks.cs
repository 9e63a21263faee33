using Microsoft.DurableTask;
using MLOps.Activities.DataEngineering;
using MLOps.Activities.Delivery;
using MLOps.Activities.Diagnostics;
using MLOps.Activities.Experiments;
using MLOps.Activities.FeatureStore;
using MLOps.Activities.Integration;
using MLOps.Activities.Platform;
using MLOps.Activities.Requirements;
using MLOps.Activities.Serving;

namespace MLOps.Orchestrations;

/// <summary>
/// The one registration of every orchestrator and activity, used by both the Azure Functions app and the
/// embedded host (there is no source generator in our package feed, so registration is by hand).
/// </summary>
public static class MLOpsTasks
{
    public static void Register(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry
            .AddOrchestrator<DiagnosticsOrchestrator>()
            .AddOrchestrator<RequirementsOrchestrator>()
            .AddOrchestrator<DataEngineeringOrchestrator>()
            .AddOrchestrator<ExperimentOrchestrator>()
            .AddOrchestrator<HyperparameterSearchOrchestrator>()
            .AddOrchestrator<ReproduceRunOrchestrator>()
            .AddOrchestrator<ContinuousIntegrationOrchestrator>()
            .AddOrchestrator<BatchScoringOrchestrator>()
            .AddOrchestrator<ContinuousDeploymentOrchestrator>()
            .AddActivity<RecordPipelineEventActivity>()
            .AddActivity<RunDiagnosticStepActivity>()
            .AddActivity<EchoActivity>()
            .AddActivity<IngestLandingBlobActivity>()
            .AddActivity<ResolveProjectActivity>()
            .AddActivity<ProfileChunkActivity>()
            .AddActivity<MergeProfileActivity>()
            .AddActivity<ValidateSnapshotActivity>()
            .AddActivity<PublishFeatureSetActivity>()
            .AddActivity<MaterializeOnlineActivity>()
            .AddActivity<CheckOnlineConsistencyActivity>()
            .AddActivity<ComputeFeatureStatisticsActivity>()
            .AddActivity<RecordFeatureSetLineageActivity>()
            .AddActivity<PlanExperimentActivity>()
            .AddActivity<RunTrialActivity>()
            .AddActivity<TrainCandidateActivity>()
            .AddActivity<RegisterCandidateActivity>()
            .AddActivity<BuildModelPackageActivity>()
            .AddActivity<ReproduceRunActivity>()
            .AddActivity<ReviewProjectSpecActivity>()
            .AddActivity<CheckFeasibilityActivity>()
            .AddActivity<WriteDesignDocumentActivity>()
            .AddActivity<RegisterProjectActivity>()
            .AddActivity<ScanOnnxActivity>()
            .AddActivity<CheckInputSchemaActivity>()
            .AddActivity<CheckFeatureSkewActivity>()
            .AddActivity<CheckQualityActivity>()
            .AddActivity<CheckParityActivity>()
            .AddActivity<CheckLatencyActivity>()
            .AddActivity<CheckFairnessActivity>()
            .AddActivity<CheckRobustnessActivity>()
            .AddActivity<RecordBuildActivity>()
            .AddActivity<PrepareBatchScoringActivity>()
            .AddActivity<ScoreBatchChunkActivity>()
            .AddActivity<CommitBatchScoringActivity>()
            .AddActivity<ResolveDeploymentActivity>()
            .AddActivity<ApplyTrafficActivity>()
            .AddActivity<EvaluateGatesActivity>()
            .AddActivity<JudgeAbTestActivity>()
            .AddActivity<RollBackDeploymentActivity>()
            .AddActivity<PromoteDeploymentActivity>()
            .AddActivity<RecordDeploymentNoticeActivity>();
    }
}
