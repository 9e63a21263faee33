using MLOps.Triggers.Launching;

namespace MLOps.Triggers.EventGrid;

public sealed record EventResult(string EventId, string Type, string? Pipeline, string? InstanceId, string? Reason = null);

/// <summary>What the webhook did with each event of a delivery.</summary>
public sealed class EventReceipt
{
    public List<EventResult> Accepted { get; } = [];

    public List<EventResult> Duplicates { get; } = [];

    public List<EventResult> Ignored { get; } = [];

    public List<EventResult> Rejected { get; } = [];

    internal void Add(IncomingEvent incoming, StartOutcome outcome)
    {
        if (outcome.Busy is { } busy)
        {
            this.Rejected.Add(new EventResult(incoming.Id, incoming.Type, outcome.Pipeline.Name, null, $"{incoming.Path}: {Http.Problems.BusyDetail(outcome.Pipeline.Name, busy)}"));
            return;
        }

        (outcome.Duplicate ? this.Duplicates : this.Accepted).Add(
            new EventResult(incoming.Id, incoming.Type, outcome.Pipeline.Name, outcome.InstanceId));
    }
}
