using MLOps.Core.DataEngineering.Validation;

namespace MLOps.Core.DataEngineering;

/// <summary>The verdict of validation as it travels through the orchestration; the full report is in the blobs.</summary>
public sealed record QualitySummary(
    QualityStatus Status,
    string ReportBlob,
    string HtmlBlob,
    IReadOnlyList<string> Failed,
    IReadOnlyList<string> Warnings);
