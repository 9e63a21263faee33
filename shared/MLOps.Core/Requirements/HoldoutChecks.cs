namespace MLOps.Core.Requirements;

/// <summary>The holdout must be a real share of the rows, and its strategy must fit the task and the data.</summary>
internal static class HoldoutChecks
{
    public static void Check(SpecCheckContext context)
    {
        if (context.Spec.Holdout is not { } holdout)
        {
            return;
        }

        if (!(holdout.Fraction > 0 && holdout.Fraction < 1))
        {
            context.Add("$.holdout.fraction", $"must lie strictly between 0 and 1, not {holdout.Fraction}");
        }

        if (holdout.Seed < 0)
        {
            context.Add("$.holdout.seed", $"must not be negative, not {holdout.Seed}");
        }

        if (holdout.Strategy == HoldoutStrategy.TimeOrdered && context.Spec.EventTime is null)
        {
            context.Add("$.holdout.strategy", "TimeOrdered needs an event time; set $.eventTime or choose Stratified or Random");
        }
        else if (holdout.Strategy == HoldoutStrategy.Stratified && context.Spec.Task == ModelTask.Regression)
        {
            context.Add("$.holdout.strategy", "Stratified needs classes; a Regression target has none, choose Random or TimeOrdered");
        }
    }
}
