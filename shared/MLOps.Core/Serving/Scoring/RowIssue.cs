namespace MLOps.Core.Serving.Scoring;

/// <summary>A problem of one row as answered and logged: the column (or key), what kind of problem, and the detail.</summary>
public sealed record RowIssue(string Column, string Kind, string Detail);
