using System.Globalization;
using Azure.Storage.Blobs;
using MLOps.Core.DataEngineering;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.DataEngineering.Profiling;
using MLOps.Core.Requirements;
using MLOps.Core.Storage;

namespace MLOps.Core.FeatureStore;

/// <summary>
/// The group each entity of a feature-set version belongs to for a sensitive attribute, read from the raw
/// snapshot the version was built from: sensitive attributes are usually not features (the spec forbids it by
/// default), so the fairness report has to go back to the raw column, joined by the same entity key.
/// </summary>
public sealed class SensitiveGroups(BlobServiceClient blobs)
{
    public const string Missing = "(missing)";

    /// <returns>Per attribute column, entity key → group label (numeric attributes banded by their boundaries).</returns>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> ReadAsync(
        FeatureSetVersion version, ProjectSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(spec);
        var groups = spec.SensitiveAttributes.ToDictionary(a => a.Column, _ => new Dictionary<string, string>(StringComparer.Ordinal), StringComparer.Ordinal);
        if (groups.Count == 0)
        {
            return new Dictionary<string, IReadOnlyDictionary<string, string>>();
        }

        BlobClient raw = blobs.GetBlobContainerClient(BlobContainers.Snapshots).GetBlobClient(LandingIngestor.RawSnapshotBlob(version.Project, version.RawSnapshotSha256));
        await using Stream content = await raw.OpenReadAsync(cancellationToken: cancellationToken);
        await using var reader = new CsvRecordReader(content);
        IReadOnlyList<string> header = await reader.ReadHeaderAsync(cancellationToken);
        int key = spec.EntityKey.Generated ? -1 : IndexOf(header, spec.EntityKey.Column);
        var columns = spec.SensitiveAttributes.Select(a => (Attribute: a, Index: IndexOf(header, a.Column))).ToArray();
        await foreach (CsvBatch batch in reader.ReadBatchesAsync(cancellationToken))
        {
            foreach (CsvRecord record in batch.Records)
            {
                string entity = key < 0 ? record.Number.ToString(CultureInfo.InvariantCulture) : record.Fields[key];
                foreach ((SensitiveAttribute attribute, int index) in columns)
                {
                    groups[attribute.Column][entity] = Label(attribute, record.Fields[index]);
                }
            }
        }

        return groups.ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, string>)g.Value, StringComparer.Ordinal);
    }

    /// <summary>Bands are right-closed like bucketized features: "≤ 25", "25–35", …, "> 65".</summary>
    public static string Label(SensitiveAttribute attribute, string value)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        if (MissingValues.IsMissing(value))
        {
            return Missing;
        }

        if (attribute.GroupBoundaries is not { Count: > 0 } bounds || !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
        {
            return value.Trim();
        }

        int band = bounds.Count(b => number > b);
        string Bound(int i) => bounds[i].ToString(CultureInfo.InvariantCulture);
        return band == 0 ? $"≤ {Bound(0)}" : band == bounds.Count ? $"> {Bound(band - 1)}" : $"{Bound(band - 1)}–{Bound(band)}";
    }

    private static int IndexOf(IReadOnlyList<string> header, string column)
    {
        for (int i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new DataRejectedException($"The raw snapshot has no column '{column}' to group by.");
    }
}
