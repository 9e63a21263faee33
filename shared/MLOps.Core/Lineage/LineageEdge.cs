namespace MLOps.Core.Lineage;

/// <summary>
/// From was used to produce To. Attributes carry what the ids do not (e.g. the blob's MD5). Equality of two
/// edges is by From, To and Relation: that triple is the row key, so writing the same edge again replaces it.
/// </summary>
public sealed record LineageEdge(
    LineageNode From,
    LineageNode To,
    string Relation,
    DateTimeOffset RecordedAt,
    IReadOnlyDictionary<string, string>? Attributes = null)
{
    public (LineageNode From, LineageNode To, string Relation) Identity => (this.From, this.To, this.Relation);
}
