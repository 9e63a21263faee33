using System.Globalization;

namespace MLOps.Core.Delivery;

/// <summary>
/// A rollout strategy and its parameters, as a request names them (<c>strategy</c>). Which parameters a kind takes
/// (<see cref="Parameters"/>): a parameter the kind does not use is refused rather than ignored, so a typo never
/// silently becomes a default. Durations are in seconds; <see cref="RolloutDefaults"/> fills what is left out.
/// </summary>
public sealed record RolloutStrategy(
    RolloutKind Kind,
    double? TrafficPercent = null,
    double? StepPercent = null,
    double? MirrorPercent = null,
    int? BakeSeconds = null,
    int? DurationSeconds = null,
    int? RollbackWindowSeconds = null,
    int? MinSamplesPerArm = null,
    double? Alpha = null,
    int? MaxDurationSeconds = null,
    RolloutStrategy? Then = null)
{
    /// <summary>The parameters each kind takes, by their JSON names; the required ones first.</summary>
    public static IReadOnlyDictionary<RolloutKind, (string[] Required, string[] Optional)> Parameters { get; } =
        new Dictionary<RolloutKind, (string[], string[])>
        {
            [RolloutKind.AllAtOnce] = ([], ["bakeSeconds"]),
            [RolloutKind.Canary] = (["trafficPercent"], ["bakeSeconds"]),
            [RolloutKind.Linear] = (["stepPercent"], ["bakeSeconds"]),
            [RolloutKind.BlueGreen] = ([], ["mirrorPercent", "bakeSeconds", "rollbackWindowSeconds"]),
            [RolloutKind.Shadow] = (["durationSeconds"], ["mirrorPercent", "then"]),
            [RolloutKind.AB] = (["trafficPercent", "minSamplesPerArm"], ["bakeSeconds", "alpha", "maxDurationSeconds"]),
        };

    public int Bake => this.BakeSeconds ?? (this.Kind == RolloutKind.AB ? RolloutDefaults.AbPollSeconds : RolloutDefaults.BakeSeconds);

    /// <summary>Every problem, each named under <paramref name="path"/> (e.g. <c>strategy.trafficPercent</c>).</summary>
    public IReadOnlyList<string> Validate(string path = "strategy")
    {
        var problems = new List<string>();
        if (!Parameters.TryGetValue(this.Kind, out (string[] Required, string[] Optional) allowed))
        {
            return [$"{path}.kind: must be one of {string.Join(", ", Enum.GetNames<RolloutKind>())}"];
        }

        foreach ((string name, bool given) in this.Given())
        {
            if (given && !allowed.Required.Contains(name) && !allowed.Optional.Contains(name))
            {
                problems.Add($"{path}.{name}: does not apply to {this.Kind} (it takes {Describe(allowed)})");
            }
            else if (!given && allowed.Required.Contains(name))
            {
                problems.Add($"{path}.{name}: is required for {this.Kind}");
            }
        }

        Percent(problems, $"{path}.trafficPercent", this.TrafficPercent, min: 0, max: 100, inclusiveMax: false);
        Percent(problems, $"{path}.stepPercent", this.StepPercent, min: RolloutDefaults.MinStepPercent, max: 100, inclusiveMax: false, inclusiveMin: true);
        Percent(problems, $"{path}.mirrorPercent", this.MirrorPercent, min: 0, max: RolloutDefaults.MaxMirrorPercent, inclusiveMax: true);
        Seconds(problems, $"{path}.bakeSeconds", this.BakeSeconds, RolloutDefaults.MaxSeconds);
        Seconds(problems, $"{path}.durationSeconds", this.DurationSeconds, RolloutDefaults.MaxSeconds);
        Seconds(problems, $"{path}.rollbackWindowSeconds", this.RollbackWindowSeconds, RolloutDefaults.MaxSeconds);
        Seconds(problems, $"{path}.maxDurationSeconds", this.MaxDurationSeconds, RolloutDefaults.MaxLongSeconds);
        if (this.MinSamplesPerArm is < 1 or > 10_000_000)
        {
            problems.Add($"{path}.minSamplesPerArm: must be from 1 to 10000000");
        }

        if (this.Alpha is { } alpha && !(alpha > 0 && alpha < 0.5))
        {
            problems.Add($"{path}.alpha: must be a significance level in (0, 0.5)");
        }

        if (this.Kind == RolloutKind.AB && this.MaxDurationSeconds is { } max && max < this.Bake)
        {
            problems.Add($"{path}.maxDurationSeconds: must be at least one bakeSeconds ({this.Bake.ToString(CultureInfo.InvariantCulture)})");
        }

        if (this.Then is { } then)
        {
            if (then.Kind is not (RolloutKind.AllAtOnce or RolloutKind.Canary))
            {
                problems.Add($"{path}.then.kind: a shadow continues as AllAtOnce or Canary, not {then.Kind}");
            }
            else
            {
                problems.AddRange(then.Validate($"{path}.then"));
            }
        }

        return problems;
    }

    private IEnumerable<(string Name, bool Given)> Given() =>
    [
        ("trafficPercent", this.TrafficPercent is not null),
        ("stepPercent", this.StepPercent is not null),
        ("mirrorPercent", this.MirrorPercent is not null),
        ("bakeSeconds", this.BakeSeconds is not null),
        ("durationSeconds", this.DurationSeconds is not null),
        ("rollbackWindowSeconds", this.RollbackWindowSeconds is not null),
        ("minSamplesPerArm", this.MinSamplesPerArm is not null),
        ("alpha", this.Alpha is not null),
        ("maxDurationSeconds", this.MaxDurationSeconds is not null),
        ("then", this.Then is not null),
    ];

    private static string Describe((string[] Required, string[] Optional) allowed) =>
        allowed.Required.Length + allowed.Optional.Length == 0 ? "none" : string.Join(", ", allowed.Required.Concat(allowed.Optional));

    // Shares have a resolution of 0.01 (TrafficWeight): more digits would be rounded away unseen.
    private static void Percent(List<string> problems, string field, double? value, double min, double max, bool inclusiveMax, bool inclusiveMin = false)
    {
        if (value is not { } v)
        {
            return;
        }

        bool above = inclusiveMin ? v >= min : v > min;
        bool below = inclusiveMax ? v <= max : v < max;
        if (!double.IsFinite(v) || !above || !below || Math.Round(v, 2) != v)
        {
            string range = $"{(inclusiveMin ? "[" : "(")}{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}{(inclusiveMax ? "]" : ")")}";
            problems.Add($"{field}: must be a percentage in {range} with at most 2 decimals");
        }
    }

    private static void Seconds(List<string> problems, string field, int? value, int max)
    {
        if (value is < 1 || value > max)
        {
            problems.Add($"{field}: must be from 1 to {max.ToString(CultureInfo.InvariantCulture)} seconds");
        }
    }
}
