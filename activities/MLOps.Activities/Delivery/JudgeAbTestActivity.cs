using Microsoft.DurableTask;
using MLOps.Core.Delivery;
using MLOps.Core.Delivery.AbTesting;

namespace MLOps.Activities.Delivery;

/// <summary>Judges an A/B test over its window so far.</summary>
public sealed class JudgeAbTestActivity(IAbJudge judge) : TaskActivity<AbCheck, AbDecision>
{
    public override Task<AbDecision> RunAsync(TaskActivityContext context, AbCheck input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return judge.JudgeAsync(input.Window, input.Settings);
    }
}
