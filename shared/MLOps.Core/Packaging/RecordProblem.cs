namespace MLOps.Core.Packaging;

/// <summary>
/// One problem of one raw record, naming the column (for a feature's problem, its source columns) and, where a
/// feature is concerned, the feature. A blocking problem means the record is not encoded: the training data could
/// not have held such a row (the data pipeline refuses hard-rule offences and drops DropRow offences). The others are
/// values training itself encoded this way (a NaN, an all-zero one-hot), so the row is encoded and the problem noted.
/// </summary>
public sealed record RecordProblem(string Column, RecordProblemKind Kind, string Detail, string? Feature = null)
{
    public bool Blocking => this.Kind is not (RecordProblemKind.UnseenCategory or RecordProblemKind.NotANumber);
}
