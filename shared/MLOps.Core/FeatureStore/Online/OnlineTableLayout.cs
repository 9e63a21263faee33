using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using MLOps.Core.Storage;

namespace MLOps.Core.FeatureStore;

/// <summary>
/// How feature vectors sit in Table storage: one table per project, PartitionKey = 2 hex characters of the
/// key's SHA-256 (256 buckets, so transactions of up to 100 rows group well), RowKey = the escaped key, one
/// Edm.Double property per feature named "F_{feature}". NaN is not written (Table has no portable NaN); its
/// feature names are listed in <see cref="Missing"/> so a reader still returns every feature.
/// </summary>
public static class OnlineTableLayout
{
    public const string TablePrefix = "features";

    public const string VersionProperty = "FeatureSetVersion";

    public const string Sha256Property = "FeatureSetSha256";

    /// <summary>Comma-separated names of the features that are NaN in this row.</summary>
    public const string Missing = "Missing";

    public const string FeaturePrefix = "F_";

    /// <summary>Table allows 252 custom properties; three are ours.</summary>
    public const int MaxFeatures = 249;

    public static string TableName(string project) => TableKeys.TableName(TablePrefix, project);

    public static string PartitionOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return Convert.ToHexStringLower(hash, 0, 1);
    }

    public static string RowKeyOf(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("An entity key is empty; every feature row needs a key.", nameof(key));
        }

        return TableKeys.Escape(key);
    }

    /// <summary>Property names must be identifiers; feature names are restricted to letters, digits and '_'.</summary>
    public static string PropertyOf(string feature)
    {
        if (string.IsNullOrEmpty(feature) || feature.Length > 200 || !feature.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException(
                $"The feature name '{feature}' cannot be a Table property: use 1–200 ASCII letters, digits or '_'.", nameof(feature));
        }

        return FeaturePrefix + feature;
    }

    /// <summary>The properties of <paramref name="features"/>, validated once per version rather than once per row.</summary>
    public static string[] PropertiesOf(IReadOnlyList<string> features) => [.. features.Select(PropertyOf)];

    /// <param name="properties">From <see cref="PropertiesOf"/>, aligned with <paramref name="features"/>.</param>
    public static TableEntity ToEntity(FeatureSetVersion version, string key, IReadOnlyList<string> features, IReadOnlyList<string> properties, double[] values)
    {
        var entity = new TableEntity(PartitionOf(key), RowKeyOf(key))
        {
            [VersionProperty] = version.Version,
            [Sha256Property] = version.Sha256,
        };
        List<string>? missing = null;
        for (int f = 0; f < features.Count; f++)
        {
            if (double.IsNaN(values[f]))
            {
                (missing ??= []).Add(features[f]);
            }
            else
            {
                entity[properties[f]] = values[f];
            }
        }

        if (missing is not null)
        {
            entity[Missing] = string.Join(',', missing);
        }

        return entity;
    }

    public static OnlineFeatureVector FromEntity(TableEntity entity)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, object> property in entity)
        {
            if (property.Key.StartsWith(FeaturePrefix, StringComparison.Ordinal))
            {
                values[property.Key[FeaturePrefix.Length..]] = Convert.ToDouble(property.Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        string? missing = entity.GetString(Missing);
        if (!string.IsNullOrEmpty(missing))
        {
            foreach (string feature in missing.Split(','))
            {
                values[feature] = double.NaN;
            }
        }

        return new OnlineFeatureVector(
            TableKeys.Unescape(entity.RowKey),
            entity.GetInt32(VersionProperty) ?? throw new InvalidDataException($"Online row '{entity.RowKey}' has no {VersionProperty}."),
            entity.GetString(Sha256Property) ?? string.Empty,
            values);
    }
}
