namespace MLOps.Core.Requirements;

/// <summary>The robustness settings must be a small perturbation and a share.</summary>
internal static class RobustnessChecks
{
    public static void Check(SpecCheckContext context)
    {
        if (context.Spec.Robustness is not { } robustness)
        {
            return;
        }

        // Above one standard deviation the "perturbation" rewrites the data; the check asks about small noise.
        if (robustness.NoiseScale is { } scale && !(scale > 0 && scale <= 1))
        {
            context.Add("$.robustness.noiseScale", $"is a share of each column's standard deviation and must lie in (0, 1], not {scale}");
        }

        if (robustness.MaxFlipShare is { } share && !(share >= 0 && share <= 1))
        {
            context.Add("$.robustness.maxFlipShare", $"is a share of rows and must lie in [0, 1], not {share}");
        }
    }
}
