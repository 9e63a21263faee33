namespace MLOps.Core.Delivery;

/// <summary>The steps of one endpoint's rollout, what it ends with when they all pass, and a sentence saying so.</summary>
public sealed record RolloutPlan(RolloutKind Kind, IReadOnlyList<RolloutStep> Steps, RolloutFinish Finish, string Description)
{
    /// <summary>The A/B test's decision rule, for a plan with an <see cref="StepMode.Experiment"/> step.</summary>
    public AbTesting.AbSettings? AbTest { get; init; }
}
