namespace MLOps.Core.Delivery.Gates;

/// <summary>Every gate of one step over one window, and the step's outcome: failed when any judged gate failed.</summary>
public sealed record GateVerdict(
    GateOutcome Outcome, IReadOnlyList<GateFigure> Gates, long CandidateRequests, long BaselineRequests, string Summary);
