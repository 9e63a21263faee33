namespace MLOps.Core.DataEngineering.Cleaning;

/// <summary>Fill missing values of <see cref="Column"/>; <see cref="Constant"/> is required for the Constant strategy.</summary>
public sealed record ImputeRule(string Column, ImputeStrategy Strategy, string? Constant = null);
