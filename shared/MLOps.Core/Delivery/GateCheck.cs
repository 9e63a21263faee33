using MLOps.Core.Delivery.Gates;

namespace MLOps.Core.Delivery;

/// <summary>The gates of one step over its window.</summary>
public sealed record GateCheck(GateWindow Window, GateBounds Bounds);
