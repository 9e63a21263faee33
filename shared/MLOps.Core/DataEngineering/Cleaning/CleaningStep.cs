namespace MLOps.Core.DataEngineering.Cleaning;

/// <summary>
/// What one cleaning rule did over the whole pass: how often, to which column (null for a row rule such as
/// <c>rows.duplicate</c>) and the first few cases, so a report can show what changed from what to what.
/// </summary>
public sealed record CleaningStep(string Rule, string? Column, CleaningAction Action, long Count, IReadOnlyList<ValueChange> Samples);
