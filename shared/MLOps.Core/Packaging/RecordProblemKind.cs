namespace MLOps.Core.Packaging;

/// <summary>What is wrong with one column of a raw record; see <see cref="RecordProblem.Blocking"/> for which stop the row.</summary>
public enum RecordProblemKind
{
    /// <summary>The record lacks a column the contract reads.</summary>
    MissingColumn,

    /// <summary>A value that does not parse as the column's type (a non-number, "NaN" or "Infinity" in a number column).</summary>
    WrongType,

    /// <summary>A value outside the column's hard range.</summary>
    OutOfRange,

    /// <summary>A value outside the column's hard allowed values (by the column's spelling rule).</summary>
    UnknownCategory,

    /// <summary>No value in a column whose hard rule allows no missing values.</summary>
    MissingValue,

    /// <summary>A rule with the DropRow action drops the row, as it dropped such rows from training.</summary>
    Dropped,

    /// <summary>A present value a one-hot feature has no indicator for (not seen in training, no "other"): all zeros, as training encoded it.</summary>
    UnseenCategory,

    /// <summary>A feature came out missing (NaN) from present values (log of x + offset ≤ 0, zero denominator), as training encoded it.</summary>
    NotANumber,
}
