using Microsoft.DurableTask;
using MLOps.Core.DataEngineering;

namespace MLOps.Activities.DataEngineering;

/// <summary>Checks a snapshot against the project's data rules and stores the quality report.</summary>
public sealed class ValidateSnapshotActivity(SnapshotValidator validator) : TaskActivity<ValidateSnapshotRequest, QualitySummary>
{
    public override Task<QualitySummary> RunAsync(TaskActivityContext context, ValidateSnapshotRequest input) =>
        validator.ValidateAsync(input);
}
