using MLOps.Core.DataEngineering.Profiling;

namespace MLOps.Core.DataEngineering;

/// <summary>
/// The small part of a snapshot's profile that travels through the orchestration; the full profile (quantiles,
/// histograms, top values) stays in <see cref="ProfileBlob"/> in the snapshot store.
/// </summary>
public sealed record ProfileSummary(string ProfileBlob, long Rows, IReadOnlyList<ColumnSummary> Columns);

public sealed record ColumnSummary(string Name, ColumnType Type, long Missing, long Distinct);
