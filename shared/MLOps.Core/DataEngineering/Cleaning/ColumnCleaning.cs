namespace MLOps.Core.DataEngineering.Cleaning;

/// <summary>
/// What cleaning changed in one column of the rows it kept. <see cref="Present"/> counts the values that were
/// not missing before cleaning (the base of the change guard's shares); <see cref="FillValue"/> is what imputation
/// wrote. After cleaning: <see cref="MissingAfter"/> values are missing, and <see cref="Constant"/> says at most one
/// distinct value is left (<see cref="ConstantValue"/>, null when none is).
/// </summary>
public sealed record ColumnCleaning(
    string Column,
    long Present,
    long Normalised,
    long NulledOut,
    long Clipped,
    long Imputed,
    string? FillValue,
    long MissingAfter,
    bool Constant,
    string? ConstantValue)
{
    /// <summary>Present values that cleaning nulled out or rewrote: what the change guard weighs.</summary>
    public long Changed => this.Normalised + this.NulledOut + this.Clipped;
}
