namespace MLOps.Core.Requirements;

/// <summary>The calendar component a <see cref="DatePartTransform"/> extracts.</summary>
public enum DatePart
{
    Year,
    Quarter,
    Month,
    DayOfMonth,
    DayOfWeek,
    DayOfYear,
    Hour,
}
