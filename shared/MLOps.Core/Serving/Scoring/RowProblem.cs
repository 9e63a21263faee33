namespace MLOps.Core.Serving.Scoring;

/// <summary>A problem of one record's column; a blocking one stops the record, the others are noted with its score.</summary>
public sealed record RowProblem(string Column, string Kind, string Detail, bool Blocking);
