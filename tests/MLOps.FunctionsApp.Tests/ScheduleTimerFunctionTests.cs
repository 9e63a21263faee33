using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using MLOps.Core.Pipelines;
using MLOps.FunctionsApp.Tests.Support;
using MLOps.FunctionsApp.Triggers;
using Moq;

namespace MLOps.FunctionsApp.Tests;

public sealed class ScheduleTimerFunctionTests
{
    private static readonly Dictionary<string, string?> EveryFiveMinutes = new()
    {
        ["Schedules:Items:0:Name"] = "every-five",
        ["Schedules:Items:0:Cron"] = "*/5 * * * *",
        ["Schedules:Items:0:Pipeline"] = PipelineNames.Diagnostics,
        ["Schedules:Items:0:InputJson"] = """{ "steps": 1 }""",
    };

    [Fact]
    public async Task FiringStartsTheDueOccurrenceOnce()
    {
        using var harness = new TriggerHarness(EveryFiveMinutes);
        var due = new DateTime(2025, 1, 1, 10, 5, 0, DateTimeKind.Utc);
        harness.Clock.Now = new DateTimeOffset(due).AddMilliseconds(40);
        var timer = new TimerInfo { ScheduleStatus = new ScheduleStatus { Last = due.AddMinutes(-1), Next = due } };
        ScheduleTimerFunction function = harness.Create<ScheduleTimerFunction>();

        await function.RunAsync(timer, harness.Durable.Client, CancellationToken.None);
        // A redelivered firing of the same window finds the run and starts nothing more.
        await function.RunAsync(timer, harness.Durable.Client, CancellationToken.None);

        harness.Durable.VerifyScheduled(
            OrchestratorNames.Diagnostics, o => o?.InstanceId == "schedule-every-five-20250101T100500Z", Times.Once());
        harness.Durable.Mock.Verify(
            c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(),
                It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()),
            Times.Once);
    }

    [Fact]
    public async Task FiringBetweenOccurrencesStartsNothing()
    {
        using var harness = new TriggerHarness(EveryFiveMinutes);
        var due = new DateTime(2025, 1, 1, 10, 7, 0, DateTimeKind.Utc);
        harness.Clock.Now = new DateTimeOffset(due);
        var timer = new TimerInfo { ScheduleStatus = new ScheduleStatus { Last = due.AddMinutes(-1), Next = due } };

        await harness.Create<ScheduleTimerFunction>().RunAsync(timer, harness.Durable.Client, CancellationToken.None);

        harness.Durable.VerifyNothingScheduled();
    }

    [Fact]
    public async Task FiringWithoutScheduleStatusCoversTheLastMinute()
    {
        using var harness = new TriggerHarness(EveryFiveMinutes);
        harness.Clock.Now = new DateTimeOffset(2025, 1, 1, 10, 10, 30, TimeSpan.Zero);

        await harness.Create<ScheduleTimerFunction>().RunAsync(new TimerInfo(), harness.Durable.Client, CancellationToken.None);

        harness.Durable.VerifyScheduled(
            OrchestratorNames.Diagnostics, o => o?.InstanceId == "schedule-every-five-20250101T101000Z", Times.Once());
    }
}
