using System.Diagnostics.Metrics;

namespace MLOps.Core.Observability;

/// <summary>The platform's counters, on the <c>MLOps.Functions</c> meter.</summary>
public sealed class PlatformMetrics
{
    public const string MeterName = "MLOps.Functions";

    private readonly Counter<long> pipelinesStarted;
    private readonly Counter<long> duplicateStarts;
    private readonly Counter<long> auditRecords;
    private readonly Counter<long> eventsPublished;
    private readonly Counter<long> auditDuplicates;
    private readonly Counter<long> stagingSwept;
    private readonly Counter<long> packagesBuilt;

    public PlatformMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter meter = meterFactory.Create(MeterName);
        this.pipelinesStarted = meter.CreateCounter<long>("mlops.pipelines.started", description: "Pipeline instances started.");
        this.duplicateStarts = meter.CreateCounter<long>("mlops.pipelines.duplicate_starts", description: "Replayed triggers that started nothing.");
        this.auditRecords = meter.CreateCounter<long>("mlops.audit.records", description: "Audit records appended.");
        this.eventsPublished = meter.CreateCounter<long>("mlops.events.published", description: "Platform events published.");
        this.auditDuplicates = meter.CreateCounter<long>("mlops.audit.duplicates", description: "Audit appends of an event already in the chain (nothing appended).");
        this.stagingSwept = meter.CreateCounter<long>("mlops.staging.swept", description: "Abandoned staging blobs deleted.");
        this.packagesBuilt = meter.CreateCounter<long>("mlops.packages.built", description: "Model package builds, by outcome (published, existing, failed).");
    }

    public void PipelineStarted(string pipeline, string trigger) =>
        this.pipelinesStarted.Add(1, new("pipeline", pipeline), new("trigger", trigger));

    public void DuplicateStart(string pipeline, string trigger) =>
        this.duplicateStarts.Add(1, new("pipeline", pipeline), new("trigger", trigger));

    public void AuditRecordAppended() => this.auditRecords.Add(1);

    public void AuditDuplicateIgnored() => this.auditDuplicates.Add(1);

    public void StagingSwept(string container, long blobs) => this.stagingSwept.Add(blobs, new KeyValuePair<string, object?>("container", container));

    public void PackageBuilt(string outcome) => this.packagesBuilt.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void EventPublished(string type) => this.eventsPublished.Add(1, new KeyValuePair<string, object?>("type", type));
}
