namespace MLOps.Core.Serving.Scoring;

/// <summary>
/// A problem of one row as answered and logged: the column (the entity key column for a key), what kind of problem
/// (a <see cref="Packaging.RecordProblemKind"/> name, or a serving one such as <c>UnknownKey</c>), the detail, and the
/// feature concerned where there is one.
/// </summary>
public sealed record RowIssue(string Column, string Kind, string Detail, string? Feature = null);
