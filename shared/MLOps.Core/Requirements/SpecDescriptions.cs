using System.Globalization;

namespace MLOps.Core.Requirements;

/// <summary>Short human wording for transforms and rollout strategies, for documents and logs.</summary>
internal static class SpecDescriptions
{
    public static string Describe(FeatureTransform? transform) => transform switch
    {
        IdentityTransform => "as is",
        OneHotTransform { MaxCategories: { } max } => $"one-hot, top {max} categories",
        OneHotTransform => "one-hot",
        HashingTransform h => $"hashed into {h.Buckets} buckets",
        StandardizeTransform => "standardized",
        BucketizeTransform b => $"bucketized at {Numbers(b.Boundaries)}",
        LogTransform l => $"ln(x + {Number(l.Offset)})",
        RatioTransform r => $"{r.Numerator} / {r.Denominator}",
        DatePartTransform d => $"{d.Part} of the date",
        null => "none",
        _ => transform.GetType().Name,
    };

    public static string Describe(DeploymentPreference preference) => preference switch
    {
        CanaryDeployment c => $"canary on {Number(c.TrafficPercent)}% of traffic for {c.BakeMinutes} min",
        LinearDeployment l => $"linear steps of {Number(l.StepPercent)}% every {l.IntervalMinutes} min",
        BlueGreenDeployment b => $"blue/green, previous slot kept {b.RollbackWindowMinutes} min for rollback",
        ShadowDeployment s => $"shadow on {Number(s.SamplePercent)}% of traffic for {s.DurationMinutes} min",
        AbTestDeployment a => $"A/B test, {Number(a.TreatmentPercent)}% treatment, at least {a.MinSamplesPerArm} outcomes per arm",
        _ => preference.GetType().Name,
    };

    public static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Numbers(IEnumerable<double>? values) => string.Join(", ", (values ?? []).Select(Number));
}
