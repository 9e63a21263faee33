namespace MLOps.Core.Integration.Contract;

/// <summary>
/// Encoded feature rows keyed by entity key: <see cref="Values"/>[r][c] is feature <see cref="Columns"/>[c] of the
/// row whose key is <see cref="Keys"/>[r]; NaN means missing, as in the offline feature set.
/// </summary>
public sealed record EncodedRows(IReadOnlyList<string> Columns, IReadOnlyList<string> Keys, IReadOnlyList<double[]> Values)
{
    /// <summary>The first inconsistency (keys and rows of different counts, a row of the wrong width), or null.</summary>
    public string? ShapeProblem()
    {
        if (this.Keys.Count != this.Values.Count)
        {
            return $"{this.Keys.Count} keys for {this.Values.Count} rows";
        }

        for (int r = 0; r < this.Values.Count; r++)
        {
            if (this.Values[r] is not { } row || row.Length != this.Columns.Count)
            {
                return $"row {r} (key '{this.Keys[r]}') has {this.Values[r]?.Length ?? 0} values for {this.Columns.Count} columns";
            }
        }

        string? repeated = this.Columns.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (repeated is not null)
        {
            return $"column '{repeated}' appears more than once";
        }

        string? key = this.Keys.GroupBy(k => k, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        return key is null ? null : $"key '{key}' appears more than once";
    }
}
