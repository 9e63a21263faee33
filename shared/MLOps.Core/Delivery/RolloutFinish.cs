namespace MLOps.Core.Delivery;

/// <summary>What a rollout whose every step passed ends with.</summary>
public enum RolloutFinish
{
    /// <summary>The new package serves alone, its version becomes champion, the old deployment is retired.</summary>
    Promote,

    /// <summary>The endpoint goes back to the old deployment alone (a shadow that only compared); the champion stays.</summary>
    Discard,
}
