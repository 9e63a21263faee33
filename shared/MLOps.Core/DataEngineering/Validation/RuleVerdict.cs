namespace MLOps.Core.DataEngineering.Validation;

/// <summary>A rule's judgement in words a report reader understands.</summary>
internal readonly record struct RuleVerdict(bool Passed, string Expected, string Observed);
