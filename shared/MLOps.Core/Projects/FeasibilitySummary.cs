using MLOps.Core.Requirements;

namespace MLOps.Core.Projects;

/// <summary>The small result of a feasibility check; the full report (signals, balance) stays in <see cref="ReportBlob"/>.</summary>
public sealed record FeasibilitySummary(
    bool Passed,
    long SampleRows,
    string Sample,
    string ReportBlob,
    IReadOnlyList<FeasibilityFinding> Blocking,
    int Warnings);
