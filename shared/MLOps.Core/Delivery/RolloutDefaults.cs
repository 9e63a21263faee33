namespace MLOps.Core.Delivery;

/// <summary>
/// Production-sized defaults of a rollout, in seconds (the project spec states minutes; requests take seconds so a
/// test or demo can bake for seconds). Limits keep a request from parking a run for years.
/// </summary>
public static class RolloutDefaults
{
    /// <summary>Each step's baking period (AllAtOnce, Canary, Linear, the green validation of BlueGreen): 10 minutes.</summary>
    public const int BakeSeconds = 600;

    /// <summary>How long blue stays warm at 0% after a blue-green switch: 60 minutes, as the spec's default.</summary>
    public const int RollbackWindowSeconds = 3600;

    /// <summary>The share of traffic green scores as a mirror while it is validated at 0% answered.</summary>
    public const double BlueGreenMirrorPercent = 25;

    /// <summary>A shadow's mirrored share when none is given: the most mirrors may take.</summary>
    public const double ShadowMirrorPercent = MaxMirrorPercent;

    /// <summary>How often an A/B test is judged: every hour.</summary>
    public const int AbPollSeconds = 3600;

    /// <summary>When an undecided A/B test is discarded: after 14 days.</summary>
    public const int AbMaxDurationSeconds = 14 * 24 * 3600;

    public const double AbAlpha = 0.05;

    /// <summary>When an unanswered approval is escalated: after 24 hours.</summary>
    public const int ApprovalEscalationSeconds = 24 * 3600;

    /// <summary>When an unanswered approval aborts the run (with rollback): after 72 hours.</summary>
    public const int ApprovalDeadlineSeconds = 72 * 3600;

    /// <summary>How many times a bake is extended because the window held too few requests, before that counts as a failed gate.</summary>
    public const int MaxBakeExtensions = 3;

    /// <summary>Mirrored shares of one routing table sum to at most this (mirrors are scored and logged, never answered).</summary>
    public const double MaxMirrorPercent = 50;

    /// <summary>The longest baking period or shadow a request may ask for: 30 days.</summary>
    public const int MaxSeconds = 30 * 24 * 3600;

    /// <summary>The longest A/B test or approval wait: 90 days.</summary>
    public const int MaxLongSeconds = 90 * 24 * 3600;

    public const int MaxBakeExtensionsLimit = 10;

    /// <summary>Linear steps below 1% would make hundreds of steps.</summary>
    public const double MinStepPercent = 1;
}
