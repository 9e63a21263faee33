namespace MLOps.Core.DataEngineering.Cleaning;

public enum InvalidValueAction
{
    /// <summary>Replace the value with an empty (missing) field.</summary>
    NullOut,

    /// <summary>Move a number to the nearest bound of a range rule; a non-number is nulled out instead.</summary>
    Clip,

    /// <summary>Drop the whole row.</summary>
    DropRow,
}
