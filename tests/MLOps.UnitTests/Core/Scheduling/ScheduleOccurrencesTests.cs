using MLOps.Core.Scheduling;

namespace MLOps.UnitTests.Core.Scheduling;

public class ScheduleOccurrencesTests
{
    private static readonly DateTimeOffset Midnight = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Occurrences_are_those_after_the_start_up_to_and_including_the_end()
    {
        var schedule = new PipelineSchedule { Name = "hourly", Cron = "0 * * * *", Pipeline = "diagnostics" };

        DateTimeOffset[] due = ScheduleOccurrences.Between(schedule, Midnight, Midnight.AddHours(3)).ToArray();

        Assert.Equal([Midnight.AddHours(1), Midnight.AddHours(2), Midnight.AddHours(3)], due);
    }

    [Fact]
    public void Six_fields_mean_seconds()
    {
        var schedule = new PipelineSchedule { Name = "fast", Cron = "*/10 * * * * *", Pipeline = "diagnostics" };

        Assert.Equal(6, ScheduleOccurrences.Between(schedule, Midnight, Midnight.AddMinutes(1)).Count());
    }

    [Fact]
    public void Adjacent_windows_never_yield_the_same_occurrence_twice()
    {
        var schedule = new PipelineSchedule { Name = "m", Cron = "* * * * *", Pipeline = "diagnostics" };
        var first = ScheduleOccurrences.Between(schedule, Midnight, Midnight.AddMinutes(2)).ToList();
        var second = ScheduleOccurrences.Between(schedule, Midnight.AddMinutes(2), Midnight.AddMinutes(4)).ToList();

        Assert.Empty(first.Intersect(second));
        Assert.Equal(4, first.Count + second.Count);
    }

    [Fact]
    public void The_instance_id_names_schedule_and_occurrence()
    {
        var schedule = new PipelineSchedule { Name = "nightly", Cron = "0 2 * * *", Pipeline = "diagnostics" };

        Assert.Equal("schedule-nightly-20261124T020000Z", ScheduleOccurrences.InstanceId(schedule, Midnight.AddHours(2)));
    }
}
