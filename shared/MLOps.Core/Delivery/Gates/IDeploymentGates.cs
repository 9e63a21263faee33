namespace MLOps.Core.Delivery.Gates;

/// <summary>Reads a window of an endpoint's request log (and labels, when there are any) and judges the gates.</summary>
public interface IDeploymentGates
{
    Task<GateVerdict> EvaluateAsync(GateWindow window, GateBounds bounds, CancellationToken cancellationToken = default);
}
