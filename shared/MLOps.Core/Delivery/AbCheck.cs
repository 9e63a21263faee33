using MLOps.Core.Delivery.AbTesting;

namespace MLOps.Core.Delivery;

/// <summary>One judgement of an A/B test over its window so far.</summary>
public sealed record AbCheck(AbWindow Window, AbSettings Settings);
