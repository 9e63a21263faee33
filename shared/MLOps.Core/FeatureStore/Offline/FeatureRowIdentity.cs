using System.Globalization;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.DataEngineering.Profiling;

namespace MLOps.Core.FeatureStore.Offline;

/// <summary>The key, event time and label of cleaned records under one header, their columns located once.</summary>
internal sealed class FeatureRowIdentity(IReadOnlyList<string> header, FeatureSetSource source)
{
    private readonly int key = source.GeneratedKey ? -1 : IndexOf(header, source.EntityKey, "entity key");
    private readonly int time = source.EventTime is null ? -1 : IndexOf(header, source.EventTime, "event time");
    private readonly int label = source.Target is null ? -1 : IndexOf(header, source.Target, "target");

    public void Read(CsvRecord record, out string key, out DateTimeOffset? time, out string? label)
    {
        IReadOnlyList<string> fields = record.Fields;
        key = this.key < 0 ? record.Number.ToString(CultureInfo.InvariantCulture) : fields[this.key];
        if (MissingValues.IsMissing(key))
        {
            throw new InvalidDataException($"Record {record.Number} has no value in the entity key column '{source.EntityKey}'.");
        }

        time = null;
        if (this.time >= 0)
        {
            time = ValueParsing.TryDateTime(fields[this.time], out DateTime utc)
                ? new DateTimeOffset(utc, TimeSpan.Zero)
                : throw new InvalidDataException(
                    $"Record {record.Number} has '{fields[this.time]}' in the event time column '{source.EventTime}', not an ISO 8601 date-time.");
        }

        label = this.label < 0 || MissingValues.IsMissing(fields[this.label]) ? null : fields[this.label];
    }

    private static int IndexOf(IReadOnlyList<string> header, string column, string role)
    {
        int index = header.ToList().IndexOf(column);
        return index >= 0 ? index : throw new ArgumentException($"The {role} column '{column}' is not in the data's header.", nameof(header));
    }
}
