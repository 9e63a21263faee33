using Microsoft.DurableTask;
using MLOps.Core.DataEngineering;

namespace MLOps.Activities.DataEngineering;

/// <summary>Hashes, measures and snapshots a landed file.</summary>
public sealed class IngestLandingBlobActivity(LandingIngestor ingestor) : TaskActivity<DataEngineeringRequest, IngestedFile>
{
    public override Task<IngestedFile> RunAsync(TaskActivityContext context, DataEngineeringRequest input) =>
        ingestor.IngestAsync(input);
}
