using Microsoft.Azure.Functions.Worker;
using MLOps.FunctionsApp.Triggers;

namespace MLOps.FunctionsApp.Tests;

public sealed class TimerWindowTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 10, 5, 0, 20, TimeSpan.Zero);

    [Fact]
    public void WithoutStatusTheWindowIsTheLastPeriod()
    {
        Assert.Equal(new TimerWindow(Now - TimerWindow.Period, Now), TimerWindow.For(new TimerInfo(), Now));
    }

    [Fact]
    public void WithStatusTheWindowStartsAtTheLastFiring()
    {
        var last = new DateTime(2025, 1, 1, 10, 4, 0, 10, DateTimeKind.Utc);
        var timer = new TimerInfo { ScheduleStatus = new ScheduleStatus { Last = last, Next = last.AddMinutes(1) } };

        Assert.Equal(new TimerWindow(new DateTimeOffset(last), Now), TimerWindow.For(timer, Now));
    }

    [Fact]
    public void AnEarlyFiringReachesItsDueTime()
    {
        var next = new DateTime(2025, 1, 1, 10, 5, 1, DateTimeKind.Utc);
        var timer = new TimerInfo { ScheduleStatus = new ScheduleStatus { Last = next.AddMinutes(-1), Next = next } };

        Assert.Equal(new DateTimeOffset(next), TimerWindow.For(timer, Now).UpTo);
    }

    [Fact]
    public void CatchUpAfterAnOutageIsBounded()
    {
        var timer = new TimerInfo { ScheduleStatus = new ScheduleStatus { Last = new DateTime(2024, 12, 1, 0, 0, 0, DateTimeKind.Utc) } };

        Assert.Equal(Now - TimerWindow.MaxCatchUp, TimerWindow.For(timer, Now).After);
    }
}
