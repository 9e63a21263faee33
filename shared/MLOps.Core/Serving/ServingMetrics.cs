using System.Diagnostics.Metrics;
using MLOps.Core.Observability;

namespace MLOps.Core.Serving;

/// <summary>Serving's instruments on the platform's meter: requests and rows by endpoint and status, and request duration.</summary>
public sealed class ServingMetrics
{
    private readonly Counter<long> requests;
    private readonly Counter<long> rows;
    private readonly Histogram<double> duration;
    private readonly Counter<long> mirrors;

    public ServingMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter meter = meterFactory.Create(PlatformMetrics.MeterName);
        this.requests = meter.CreateCounter<long>("mlops.serving.requests", description: "Score requests answered, by endpoint and status.");
        this.rows = meter.CreateCounter<long>("mlops.serving.rows", description: "Rows scored online and in batch, by endpoint.");
        this.duration = meter.CreateHistogram<double>("mlops.serving.duration", unit: "ms", description: "Time to answer a score request.");
        this.mirrors = meter.CreateCounter<long>("mlops.serving.mirrors", description: "Mirrored copies of score requests, by endpoint, deployment and outcome (a status, or 'skipped' when the mirror queue was full).");
    }

    public void Answered(string project, string endpoint, int status, double milliseconds)
    {
        KeyValuePair<string, object?>[] tags = [new("project", project), new("endpoint", endpoint), new("status", status)];
        this.requests.Add(1, tags);
        this.duration.Record(milliseconds, tags);
    }

    public void Mirrored(string project, string endpoint, string deployment, string outcome) =>
        this.mirrors.Add(1, new("project", project), new("endpoint", endpoint), new("deployment", deployment), new("outcome", outcome));

    public void RowsScored(string project, string endpoint, long count, string mode) =>
        this.rows.Add(count, new("project", project), new("endpoint", endpoint), new("mode", mode));
}
