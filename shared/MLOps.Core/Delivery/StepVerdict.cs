using MLOps.Core.Delivery.Gates;

namespace MLOps.Core.Delivery;

/// <summary>How one step of one endpoint was judged: the gates' outcome and figures, over how many requests, after how many extended bakes.</summary>
public sealed record StepVerdict(
    string Endpoint,
    string Step,
    GateOutcome Outcome,
    string Summary,
    IReadOnlyList<GateFigure> Gates,
    long CandidateRequests,
    long BaselineRequests,
    int Extensions,
    DateTimeOffset JudgedAt);
