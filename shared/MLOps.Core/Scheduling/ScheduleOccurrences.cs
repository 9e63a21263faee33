using System.Globalization;
using Cronos;

namespace MLOps.Core.Scheduling;

public static class ScheduleOccurrences
{
    /// <summary>Occurrences in (<paramref name="after"/>, <paramref name="upTo"/>].</summary>
    public static IEnumerable<DateTimeOffset> Between(PipelineSchedule schedule, DateTimeOffset after, DateTimeOffset upTo)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        CronExpression cron = Parse(schedule.Cron);
        return cron.GetOccurrences(after, upTo, TimeZoneInfo.Utc, fromInclusive: false, toInclusive: true);
    }

    /// <summary>One instance id per schedule and occurrence, so a timer that fires twice starts one run.</summary>
    public static string InstanceId(PipelineSchedule schedule, DateTimeOffset occurrence) =>
        string.Create(CultureInfo.InvariantCulture, $"schedule-{schedule.Name}-{occurrence.UtcDateTime:yyyyMMddTHHmmssZ}");

    public static CronExpression Parse(string cron)
    {
        ArgumentNullException.ThrowIfNull(cron);
        int fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return CronExpression.Parse(cron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
    }
}
