namespace MLOps.Core.Serving.Scoring;

/// <summary>Turns raw records (landed column → value, as text) into model rows by a package's feature contract.</summary>
public interface IRecordEncoder
{
    /// <summary>The landed columns a record must have.</summary>
    IReadOnlyList<string> Columns { get; }

    IReadOnlyList<EncodedRow> Encode(IReadOnlyList<IReadOnlyDictionary<string, string?>> records);
}
