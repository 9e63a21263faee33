namespace MLOps.Core.Requirements;

/// <summary>Task, target, metric gate and latency budget must agree with one another.</summary>
internal static class AcceptanceChecks
{
    public static void Check(SpecCheckContext context)
    {
        ProjectSpec spec = context.Spec;
        CheckTarget(context, spec.Task, spec.Target);
        if (spec.Acceptance is { } gate)
        {
            MetricProfile profile = MetricProfile.Of(gate.Metric);
            if (!profile.AppliesTo(spec.Task))
            {
                context.Add("$.acceptance.metric", $"{gate.Metric} does not apply to {spec.Task}");
            }

            if (!profile.InRange(gate.Threshold))
            {
                context.Add("$.acceptance.threshold", $"{gate.Threshold} is outside {profile.RangeText}, the meaningful range for {gate.Metric}");
            }

            if (gate.Direction != profile.Direction)
            {
                context.Add(
                    "$.acceptance.direction",
                    $"{gate.Metric} is better when {(profile.Direction == GateDirection.AtLeast ? "higher" : "lower")}, so the gate must be {(profile.Direction == GateDirection.AtLeast ? ">=" : "<=")}");
            }
        }

        if (spec.Latency is { P95Ms: <= 0 } latency)
        {
            context.Add("$.latency.p95Ms", $"must be a positive number of milliseconds, not {latency.P95Ms}");
        }
    }

    private static void CheckTarget(SpecCheckContext context, ModelTask task, TargetSpec? target)
    {
        if (target is null || !context.RequireDeclared(target.Column, "$.target.column", "Target"))
        {
            return;
        }

        ColumnRule rule = context.Columns[target.Column];
        if (task == ModelTask.Regression)
        {
            if (target.PositiveClass is not null)
            {
                context.Add("$.target.positiveClass", "a regression target has no positive class");
            }

            if (!rule.IsNumeric)
            {
                context.Add("$.target.column", $"a regression target must be an Integer or Number column, not {rule.Type}");
            }

            return;
        }

        if (task == ModelTask.BinaryClassification && string.IsNullOrWhiteSpace(target.PositiveClass))
        {
            context.Add("$.target.positiveClass", "is required for binary classification");
        }
        else if (target.PositiveClass is not null && rule.AllowedValues is { } allowed && !allowed.Contains(target.PositiveClass))
        {
            context.Add("$.target.positiveClass", $"'{target.PositiveClass}' is not among the target's allowed values ({string.Join(", ", allowed)})");
        }

        if (task == ModelTask.BinaryClassification && rule.AllowedValues is { Count: not 2 } values)
        {
            context.Add("$.target.column", $"a binary target must allow exactly two values, not {values.Count}");
        }
    }
}
