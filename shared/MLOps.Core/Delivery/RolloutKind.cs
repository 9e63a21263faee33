namespace MLOps.Core.Delivery;

/// <summary>How a continuous-deployment run moves an endpoint's traffic to a new package (<see cref="RolloutPlanner"/>).</summary>
public enum RolloutKind
{
    /// <summary>100% at once, the old deployment kept warm at 0% through one bake, then retired.</summary>
    AllAtOnce,

    /// <summary>A share of traffic, then 100%, each step baked and gated.</summary>
    Canary,

    /// <summary>Equal steps of traffic up to 100%, each baked and gated.</summary>
    Linear,

    /// <summary>Green validated at 0% answered on mirrored traffic, switched whole, blue kept warm through a final bake.</summary>
    BlueGreen,

    /// <summary>Mirror a share of traffic for a duration and compare; then continue with <see cref="RolloutStrategy.Then"/> or discard.</summary>
    Shadow,

    /// <summary>A weighted split held until the A/B judge decides, polled every bake, bounded by a maximum duration.</summary>
    AB,
}
