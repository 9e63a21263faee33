namespace MLOps.FunctionsApp.Tests.Support;

/// <summary>A clock the test sets, so a timer window is exact.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => this.Now;
}
