using System.Globalization;
using MLOps.Core.Delivery.AbTesting;

namespace MLOps.Core.Delivery;

/// <summary>
/// Turns a strategy into the steps of one endpoint's rollout. Every plan ends at 100% with the old deployment kept
/// warm at 0% through a last bake, so a failed last gate rolls back without loading anything; promotion retires it.
/// An endpoint with no live deployment has nothing to split with: any strategy is one gated step at 100%, except
/// Shadow and A/B, which have nothing to compare against and are refused.
/// </summary>
public static class RolloutPlanner
{
    public static RolloutPlan Plan(RolloutStrategy strategy, bool hasBaseline)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        if (!hasBaseline)
        {
            return strategy.Kind is RolloutKind.Shadow or RolloutKind.AB
                ? throw DeploymentRefusedException.For(
                    "strategy",
                    $"a {strategy.Kind} rollout compares the new package with the live one, and the endpoint has no live deployment: deploy a first package with AllAtOnce or Canary.")
                : new RolloutPlan(strategy.Kind, [Full("first deployment", strategy.Bake)], RolloutFinish.Promote,
                    $"first deployment of the endpoint: 100% for {S(strategy.Bake)}, gated, then promote");
        }

        return strategy.Kind switch
        {
            RolloutKind.AllAtOnce => new RolloutPlan(strategy.Kind, [Full("all at once", strategy.Bake)], RolloutFinish.Promote,
                $"all at once: 100% for {S(strategy.Bake)} with the previous deployment warm, then promote"),
            RolloutKind.Canary => Canary(strategy),
            RolloutKind.Linear => Linear(strategy),
            RolloutKind.BlueGreen => BlueGreen(strategy),
            RolloutKind.Shadow => Shadow(strategy),
            RolloutKind.AB => Ab(strategy),
            _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy.Kind, "Unknown rollout kind."),
        };
    }

    private static RolloutPlan Canary(RolloutStrategy strategy)
    {
        double share = Required(strategy.TrafficPercent, "trafficPercent");
        return new RolloutPlan(
            strategy.Kind,
            [new RolloutStep($"canary {P(share)}", share, 0, KeepBaseline: true, strategy.Bake), Full("full", strategy.Bake)],
            RolloutFinish.Promote,
            $"canary: {P(share)} for {S(strategy.Bake)}, then 100% for {S(strategy.Bake)} with the previous deployment warm, then promote");
    }

    private static RolloutPlan Linear(RolloutStrategy strategy)
    {
        double step = Required(strategy.StepPercent, "stepPercent");
        var steps = new List<RolloutStep>();
        for (int k = 1; ; k++)
        {
            // Multiplied, not summed, so 0.1-style shares do not drift; the last step is 100 exactly.
            double share = Math.Min(100, Math.Round(k * step, 2));
            steps.Add(share < 100 ? new RolloutStep($"step {k} ({P(share)})", share, 0, KeepBaseline: true, strategy.Bake) : Full($"step {k} (100%)", strategy.Bake));
            if (share >= 100)
            {
                break;
            }
        }

        return new RolloutPlan(strategy.Kind, steps, RolloutFinish.Promote,
            $"linear: +{P(step)} every {S(strategy.Bake)} in {steps.Count} steps to 100%, the previous deployment warm through the last, then promote");
    }

    private static RolloutPlan BlueGreen(RolloutStrategy strategy)
    {
        double mirror = strategy.MirrorPercent ?? RolloutDefaults.BlueGreenMirrorPercent;
        int window = strategy.RollbackWindowSeconds ?? RolloutDefaults.RollbackWindowSeconds;
        return new RolloutPlan(
            strategy.Kind,
            [new RolloutStep($"green at 0% (mirror {P(mirror)})", 0, mirror, KeepBaseline: true, strategy.Bake), Full("switch (blue warm)", window)],
            RolloutFinish.Promote,
            $"blue-green: green answers nothing and mirrors {P(mirror)} for {S(strategy.Bake)}, then takes 100% with blue warm at 0% for {S(window)}, then blue is retired");
    }

    private static RolloutPlan Shadow(RolloutStrategy strategy)
    {
        double mirror = strategy.MirrorPercent ?? RolloutDefaults.ShadowMirrorPercent;
        int duration = Required(strategy.DurationSeconds, "durationSeconds");
        var shadow = new RolloutStep($"shadow (mirror {P(mirror)})", 0, mirror, KeepBaseline: true, duration);
        if (strategy.Then is not { } then)
        {
            return new RolloutPlan(strategy.Kind, [shadow], RolloutFinish.Discard,
                $"shadow: mirror {P(mirror)} for {S(duration)}, compare, then discard (nothing promoted)");
        }

        RolloutPlan next = Plan(then, hasBaseline: true);
        return new RolloutPlan(strategy.Kind, [shadow, .. next.Steps], next.Finish,
            $"shadow: mirror {P(mirror)} for {S(duration)}, compare, then {next.Description}");
    }

    private static RolloutPlan Ab(RolloutStrategy strategy)
    {
        double share = Required(strategy.TrafficPercent, "trafficPercent");
        int max = strategy.MaxDurationSeconds ?? RolloutDefaults.AbMaxDurationSeconds;
        var settings = new AbSettings { MinSamplesPerArm = Required(strategy.MinSamplesPerArm, "minSamplesPerArm"), Alpha = strategy.Alpha ?? RolloutDefaults.AbAlpha };
        return new RolloutPlan(
            strategy.Kind,
            [
                new RolloutStep($"a/b ({P(share)} treatment)", share, 0, KeepBaseline: true, strategy.Bake, Mode: StepMode.Experiment, MaxDurationSeconds: max),
                Full("full", strategy.Bake),
            ],
            RolloutFinish.Promote,
            string.Create(CultureInfo.InvariantCulture,
                $"a/b: {P(share)} treatment judged every {S(strategy.Bake)} (at least {settings.MinSamplesPerArm} labelled outcomes per arm, alpha {settings.Alpha}) for at most {S(max)}; a treatment win goes to 100% with the control warm for {S(strategy.Bake)}, then promote; a control win or no decision discards"))
        {
            AbTest = settings,
        };
    }

    private static RolloutStep Full(string name, int bake) => new(name, 100, 0, KeepBaseline: true, bake);

    private static T Required<T>(T? value, string name)
        where T : struct =>
        value ?? throw new ArgumentException($"strategy.{name}: is required.", nameof(value));

    private static string P(double percent) => percent.ToString(CultureInfo.InvariantCulture) + "%";

    private static string S(int seconds) => seconds.ToString(CultureInfo.InvariantCulture) + " s";
}
