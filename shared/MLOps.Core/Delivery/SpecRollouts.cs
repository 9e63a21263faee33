using System.Globalization;
using MLOps.Core.Requirements;

namespace MLOps.Core.Delivery;

/// <summary>
/// The rollout a project spec asks for: its first deployment preference, minutes as seconds. A shadow followed by a
/// canary in the spec's list ("shadow …, then canary …", as the design document reads it) continues as that canary.
/// What the platform cannot do as written is said in the note, never changed silently: a shadow share above the
/// 50% mirror limit mirrors 50%.
/// </summary>
public static class SpecRollouts
{
    public static (RolloutStrategy? Strategy, string? Note) From(IReadOnlyList<DeploymentPreference> preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        if (preferences.Count == 0)
        {
            return (null, null);
        }

        return preferences[0] switch
        {
            ShadowDeployment shadow => Shadow(shadow, preferences.Count > 1 ? preferences[1] : null),
            DeploymentPreference first => (Strategy(first), null),
        };
    }

    private static RolloutStrategy Strategy(DeploymentPreference preference) => preference switch
    {
        CanaryDeployment c => new RolloutStrategy(RolloutKind.Canary, TrafficPercent: c.TrafficPercent, BakeSeconds: Seconds(c.BakeMinutes)),
        LinearDeployment l => new RolloutStrategy(RolloutKind.Linear, StepPercent: l.StepPercent, BakeSeconds: Seconds(l.IntervalMinutes)),
        BlueGreenDeployment b => new RolloutStrategy(RolloutKind.BlueGreen, RollbackWindowSeconds: Seconds(b.RollbackWindowMinutes)),
        AbTestDeployment a => new RolloutStrategy(RolloutKind.AB, TrafficPercent: a.TreatmentPercent, MinSamplesPerArm: a.MinSamplesPerArm),
        ShadowDeployment s => Shadow(s, null).Strategy,
        _ => throw new ArgumentOutOfRangeException(nameof(preference), preference.GetType().Name, "Unknown deployment preference."),
    };

    private static (RolloutStrategy Strategy, string? Note) Shadow(ShadowDeployment shadow, DeploymentPreference? next)
    {
        double mirror = Math.Min(shadow.SamplePercent, RolloutDefaults.MaxMirrorPercent);
        var notes = new List<string>();
        if (mirror < shadow.SamplePercent)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"the spec's shadow samplePercent {shadow.SamplePercent} mirrors {mirror}%: mirrored shares are capped at {RolloutDefaults.MaxMirrorPercent}%"));
        }

        RolloutStrategy? then = next is CanaryDeployment canary ? Strategy(canary) : null;
        if (next is not null && then is null)
        {
            notes.Add($"the spec's next preference ({SpecDescriptions.Describe(next)}) does not continue a shadow: the run compares and discards");
        }

        return (new RolloutStrategy(RolloutKind.Shadow, MirrorPercent: mirror, DurationSeconds: Seconds(shadow.DurationMinutes), Then: then),
            notes.Count == 0 ? null : string.Join("; ", notes));
    }

    // Saturated rather than wrapped: a duration beyond the limits is then refused at the door, naming its field.
    private static int Seconds(int minutes) => (int)Math.Clamp(minutes * 60L, int.MinValue, int.MaxValue);
}
