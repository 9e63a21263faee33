using MLOps.Core.Delivery.Gates;

namespace MLOps.Core.Delivery;

/// <summary>A gate's figure as a deployment event carries it: null where a number is not finite (the Event Grid serializer refuses NaN and infinities).</summary>
public sealed record DeploymentEventGate(string Gate, double? Figure, double? BaselineFigure, double? Bound, bool Passed, bool Judged, string Detail)
{
    public static DeploymentEventGate Of(GateFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return new(figure.Gate, Finite(figure.Figure), Finite(figure.BaselineFigure), Finite(figure.Bound), figure.Passed, figure.Judged, figure.Detail);
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
