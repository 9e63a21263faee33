using System.Globalization;

namespace MLOps.OnnxWorker.Metrics;

/// <summary>
/// Up to four labels of one measurement, sorted by name: the key of a series. A value type compared by value, so
/// looking a series up allocates nothing for the worker's string-valued tags.
/// </summary>
public readonly record struct LabelSet(
    int Count,
    string? Name0 = null,
    string? Value0 = null,
    string? Name1 = null,
    string? Value1 = null,
    string? Name2 = null,
    string? Value2 = null,
    string? Name3 = null,
    string? Value3 = null)
{
    public const int Max = 4;

    public static LabelSet From(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        Span<int> order = stackalloc int[Max];
        int count = Math.Min(tags.Length, Max);
        for (int i = 0; i < count; i++)
        {
            // Insertion sort by name: at most four tags.
            int j = i;
            while (j > 0 && string.CompareOrdinal(tags[order[j - 1]].Key, tags[i].Key) > 0)
            {
                order[j] = order[j - 1];
                j--;
            }

            order[j] = i;
        }

        return new LabelSet(
            count,
            count > 0 ? tags[order[0]].Key : null,
            count > 0 ? Text(tags[order[0]].Value) : null,
            count > 1 ? tags[order[1]].Key : null,
            count > 1 ? Text(tags[order[1]].Value) : null,
            count > 2 ? tags[order[2]].Key : null,
            count > 2 ? Text(tags[order[2]].Value) : null,
            count > 3 ? tags[order[3]].Key : null,
            count > 3 ? Text(tags[order[3]].Value) : null);
    }

    public IEnumerable<(string Name, string Value)> Pairs()
    {
        (string?, string?)[] all = [(this.Name0, this.Value0), (this.Name1, this.Value1), (this.Name2, this.Value2), (this.Name3, this.Value3)];
        return all.Take(this.Count).Select(p => (p.Item1!, p.Item2 ?? string.Empty));
    }

    private static string Text(object? value) => value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
}
