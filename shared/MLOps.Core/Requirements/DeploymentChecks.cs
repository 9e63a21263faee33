namespace MLOps.Core.Requirements;

/// <summary>Rollout parameters must describe something the deployment pipeline can carry out.</summary>
internal static class DeploymentChecks
{
    public static void Check(SpecCheckContext context)
    {
        foreach ((DeploymentPreference preference, int i) in SpecCheckContext.Each(context.Spec.Deployment))
        {
            string path = $"$.deployment[{i}]";
            switch (preference)
            {
                case CanaryDeployment canary:
                    Percent(context, canary.TrafficPercent, path + ".trafficPercent", below100: true);
                    Positive(context, canary.BakeMinutes, path + ".bakeMinutes");
                    break;
                case LinearDeployment linear:
                    Percent(context, linear.StepPercent, path + ".stepPercent", below100: true);
                    Positive(context, linear.IntervalMinutes, path + ".intervalMinutes");
                    break;
                case BlueGreenDeployment blueGreen:
                    Positive(context, blueGreen.RollbackWindowMinutes, path + ".rollbackWindowMinutes");
                    break;
                case ShadowDeployment shadow:
                    Positive(context, shadow.DurationMinutes, path + ".durationMinutes");
                    Percent(context, shadow.SamplePercent, path + ".samplePercent", below100: false);
                    break;
                case AbTestDeployment ab:
                    Percent(context, ab.TreatmentPercent, path + ".treatmentPercent", below100: true);
                    Positive(context, ab.MinSamplesPerArm, path + ".minSamplesPerArm");
                    break;
            }
        }
    }

    // A canary, step or treatment share of 100% is no longer a gradual rollout; a shadow may mirror everything.
    private static void Percent(SpecCheckContext context, double value, string path, bool below100)
    {
        if (!(value > 0 && (below100 ? value < 100 : value <= 100)))
        {
            context.Add(path, $"{value} is not a percentage in (0, 100{(below100 ? ")" : "]")}");
        }
    }

    private static void Positive(SpecCheckContext context, int value, string path)
    {
        if (value <= 0)
        {
            context.Add(path, $"must be positive, not {value}");
        }
    }
}
