namespace MLOps.Core.Integration;

/// <summary>
/// One group's figure behind a check (the selection rate of one age band, the max |Δ| of one column). Judged false
/// marks a group that is reported but left out of the verdict, with <see cref="Note"/> saying why (too few rows).
/// </summary>
public sealed record GroupFigure(string Group, string Metric, double Value, long Count, bool Judged = true, string? Note = null);
