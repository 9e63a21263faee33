namespace MLOps.Core.Delivery.Gates;

/// <summary>
/// One gate's judgement: its name (<c>errorRate</c>, <c>p95Latency</c>, <c>scoreShift</c>, <c>labelMetric</c>),
/// the figure measured on the candidate, the baseline's figure where there is one, the bound, and a sentence an
/// operator can act on. <see cref="Judged"/> false: the gate could not be applied (no labels yet) and does not fail.
/// </summary>
public sealed record GateFigure(
    string Gate, double? Figure, double? BaselineFigure, double Bound, bool Passed, string Detail, bool Judged = true);
