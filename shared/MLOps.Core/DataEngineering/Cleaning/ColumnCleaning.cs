namespace MLOps.Core.DataEngineering.Cleaning;

/// <summary>What cleaning changed in one column of the rows it kept; <see cref="FillValue"/> is what imputation wrote.</summary>
public sealed record ColumnCleaning(string Column, long Normalised, long NulledOut, long Clipped, long Imputed, string? FillValue);
