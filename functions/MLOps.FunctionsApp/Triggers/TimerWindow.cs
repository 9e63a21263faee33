using Microsoft.Azure.Functions.Worker;

namespace MLOps.FunctionsApp.Triggers;

/// <summary>The span (<see cref="After"/>, <see cref="UpTo"/>] whose schedule occurrences a timer firing starts.</summary>
public sealed record TimerWindow(DateTimeOffset After, DateTimeOffset UpTo)
{
    /// <summary>The timer's period; the window when the timer keeps no schedule status.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How far back a firing catches up. After a long outage, starting every missed occurrence of a frequent
    /// schedule would flood the task hub; an hour covers restarts and deployments.
    /// </summary>
    public static readonly TimeSpan MaxCatchUp = TimeSpan.FromHours(1);

    /// <summary>
    /// From the previous firing (the monitor's <c>Last</c>) to this one's due time (<c>Next</c>) or now, whichever
    /// is later, so a late firing misses nothing. Occurrence instance ids are deterministic, so overlaps are harmless.
    /// </summary>
    public static TimerWindow For(TimerInfo? timer, DateTimeOffset now)
    {
        ScheduleStatus? status = timer?.ScheduleStatus;
        DateTimeOffset upTo = status is { Next: var next } && next != default && Utc(next) > now ? Utc(next) : now;
        DateTimeOffset after = status is { Last: var last } && last != default ? Utc(last) : upTo - Period;
        return new TimerWindow(after < upTo - MaxCatchUp ? upTo - MaxCatchUp : after, upTo);
    }

    // Schedules are evaluated in UTC; a time that arrives without an offset is taken as UTC, the Functions default.
    private static DateTimeOffset Utc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Unspecified => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        _ => new DateTimeOffset(time.ToUniversalTime()),
    };
}
