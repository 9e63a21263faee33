namespace MLOps.Core.Scheduling;

/// <summary>A pipeline started on a cron schedule (5 fields, or 6 with seconds), evaluated in UTC.</summary>
public sealed class PipelineSchedule
{
    public string Name { get; set; } = string.Empty;

    public string Cron { get; set; } = string.Empty;

    public string Pipeline { get; set; } = string.Empty;

    /// <summary>The pipeline's input as JSON; empty means the input's defaults.</summary>
    public string? InputJson { get; set; }
}

public sealed class ScheduleOptions
{
    public const string SectionName = "Schedules";

    public IList<PipelineSchedule> Items { get; init; } = [];

    /// <summary>How often the local scheduler looks for due occurrences.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
