using MLOps.Core.Delivery.Gates;

namespace MLOps.Orchestrations.Delivery;

/// <summary>How a step (or an endpoint's rollout) ended: passed, failed (roll back) or decided against the new package (discard).</summary>
internal sealed record StepResult(StepEnd End, string Reason, IReadOnlyList<GateFigure> Gates)
{
    public static StepResult Passed { get; } = new(StepEnd.Passed, string.Empty, []);

    public static StepResult Failed(string reason, IReadOnlyList<GateFigure>? gates = null) => new(StepEnd.Failed, reason, gates ?? []);

    public static StepResult Discard(string reason) => new(StepEnd.Discard, reason, []);
}

internal enum StepEnd
{
    Passed,
    Failed,
    Discard,
}
