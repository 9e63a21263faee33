namespace MLOps.Core.Requirements;

/// <summary>The metric gate a candidate model must pass before it may be promoted.</summary>
public sealed record AcceptanceGate
{
    public required AcceptanceMetric Metric { get; init; }

    public required double Threshold { get; init; }

    public required GateDirection Direction { get; init; }

    public bool IsMetBy(double value) => this.Direction.Holds(value, this.Threshold);

    public override string ToString() => $"{this.Metric} {this.Direction.Operator()} {this.Threshold}";
}
