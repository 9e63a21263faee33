using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using MLOps.Core.DataEngineering;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.FeatureStore;
using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.Integration.Builds;
using MLOps.Core.Integration.Contract;
using MLOps.Core.Integration.Parity;
using MLOps.Core.Packaging;
using MLOps.Core.Projects;
using MLOps.Core.Registry;
using MLOps.Core.Requirements;
using MLOps.Core.Serialization;
using MLOps.Core.Storage;
using MLOps.Core.Tracking;
using MLOps.Training.Data;
using MLOps.Training.Experiments;

namespace MLOps.Training.Integration;

/// <summary>
/// What a build's checks read, each from the store that owns it: the package (verified, by digest), the registered
/// version and the project's current spec, the feature-set version's recorded holdout as training read it, the raw
/// snapshot's records of those rows, and the scores tracked with the model's run.
/// </summary>
public sealed class BuildInputs(
    ModelPackageReader packages,
    IModelRegistry registry,
    ProjectRegistry projects,
    OfflineFeatureStore offline,
    TrainingDataCache data,
    IExperimentTracker tracker,
    BlobServiceClient blobs)
{
    /// <exception cref="KeyNotFoundException">The package, version, project or feature set does not exist.</exception>
    /// <exception cref="InvalidPackageException">The package does not verify, or holds another version than the target.</exception>
    public async Task<PackageUnderTest> OpenAsync(CheckTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ModelPackage package = await packages.OpenAsync(target.Digest, cancellationToken)
            ?? throw new KeyNotFoundException($"No package has the digest '{target.Digest}'.");
        PackageDescriptor descriptor = package.Descriptor;
        if (descriptor.Project != target.Project || descriptor.Model != target.Model || descriptor.Version != target.Version)
        {
            throw new InvalidPackageException(
                target.Digest, $"It holds {ModelUri.ForVersion(descriptor.Model, descriptor.Version)} of '{descriptor.Project}', not {ModelUri.ForVersion(target.Model, target.Version)} of '{target.Project}'.");
        }

        ModelVersion version = await registry.GetVersionAsync(target.Project, target.Model, target.Version, cancellationToken)
            ?? throw new KeyNotFoundException($"{ModelUri.ForVersion(target.Model, target.Version)} is not a committed version of project '{target.Project}'.");
        ProjectRegistration registration = await projects.GetAsync(target.Project, cancellationToken: cancellationToken)
            ?? throw new KeyNotFoundException($"Project '{target.Project}' is not registered.");
        ProjectSpec spec = await projects.LoadSpecAsync(registration.SpecBlob, cancellationToken);
        string featureSet = descriptor.Lineage.FeatureSetVersion.ToString(CultureInfo.InvariantCulture);
        FeatureSetVersion features = await offline.GetAsync(target.Project, featureSet, cancellationToken)
            ?? throw new KeyNotFoundException($"Feature set v{featureSet} of project '{target.Project}' does not exist.");
        return new PackageUnderTest(package, version, registration, spec, features);
    }

    /// <summary>The feature-set version's rows split as it records them; the holdout is what every check scores.</summary>
    public async Task<TrainTestSplit> SplitAsync(PackageUnderTest package, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(package);
        cancellationToken.ThrowIfCancellationRequested();
        TrainingTable table = await data.GetAsync(package.FeatureSet, package.Descriptor.Task, package.PositiveClass);
        return table.RecordedHoldout();
    }

    /// <summary>The holdout rows as the offline feature set stores them (double precision, NaN for missing), by entity key.</summary>
    public async Task<EncodedRows> OfflineHoldoutAsync(PackageUnderTest package, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(package);
        string[]? columns = null;
        var keys = new List<string>();
        var values = new List<double[]>();
        await foreach (FeatureFrame frame in offline.ReadAsync(package.FeatureSet, cancellationToken))
        {
            IReadOnlyList<bool> holdout = frame.Holdout
                ?? throw new InvalidDataException($"Feature set v{package.FeatureSet.Version} records no holdout split.");
            columns ??= [.. frame.Features.Select(f => f.Name)];
            for (int r = 0; r < frame.Rows; r++)
            {
                if (holdout[r])
                {
                    keys.Add(frame.Keys[r]);
                    values.Add([.. frame.Features.Select(f => f.Values[r])]);
                }
            }
        }

        return new EncodedRows(columns ?? [], keys, values);
    }

    /// <summary>The table's rows with their features in the model's input order (<see cref="PackageInput.FeatureNames"/>).</summary>
    public static float[][] InModelOrder(TrainingTable table, PackageDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(descriptor);
        int[] order = [.. descriptor.Input.FeatureNames.Select(name =>
        {
            int index = table.FeatureNames.ToList().IndexOf(name);
            return index >= 0 ? index : throw new InvalidDataException($"The model reads '{name}', which the feature set does not have.");
        })];
        return [.. table.Features.Select(row => order.Select(i => row[i]).ToArray())];
    }

    /// <summary>The scores tracked with the model's run for its holdout rows; null when the run has none.</summary>
    public async Task<HoldoutScores?> TrackedScoresAsync(PackageUnderTest package, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(package);
        BinaryData? content = await tracker.ReadArtifactAsync(package.Version.Project, package.Version.RunId, HoldoutScores.Artifact, cancellationToken);
        return content?.ToObjectFromJson<HoldoutScores>(FiniteJson.Options);
    }

    /// <summary>
    /// The raw snapshot's records of <paramref name="keys"/> (column → value as landed, the target left out), found by
    /// the entity key as the feature-set build derived it (a generated key is the record's number).
    /// </summary>
    public async Task<RawRecords> RawRecordsAsync(PackageUnderTest package, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(keys);
        var wanted = keys.ToHashSet(StringComparer.Ordinal);
        string blob = LandingIngestor.RawSnapshotBlob(package.FeatureSet.Project, package.FeatureSet.RawSnapshotSha256);
        var records = new Dictionary<string, IReadOnlyDictionary<string, string?>>(StringComparer.Ordinal);
        IReadOnlyList<string> header;
        try
        {
            await using Stream content = await blobs.GetBlobContainerClient(BlobContainers.Snapshots).GetBlobClient(blob).OpenReadAsync(cancellationToken: cancellationToken);
            await using var reader = new CsvRecordReader(content);
            header = await reader.ReadHeaderAsync(cancellationToken);
            int key = package.Spec.EntityKey.Generated ? -1 : header.ToList().IndexOf(package.Spec.EntityKey.Column);
            if (!package.Spec.EntityKey.Generated && key < 0)
            {
                throw new InvalidDataException($"The raw snapshot has no entity key column '{package.Spec.EntityKey.Column}'.");
            }

            await foreach (CsvBatch batch in reader.ReadBatchesAsync(cancellationToken))
            {
                foreach (CsvRecord record in batch.Records)
                {
                    string entity = key < 0 ? record.Number.ToString(CultureInfo.InvariantCulture) : record.Fields[key];
                    if (wanted.Contains(entity))
                    {
                        records[entity] = Record(header, record.Fields, package.Descriptor.Target);
                    }
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new KeyNotFoundException($"The raw snapshot '{blob}' of feature set v{package.FeatureSet.Version} does not exist.", ex);
        }

        return new RawRecords([.. header.Where(c => c != package.Descriptor.Target)], records);
    }

    private static Dictionary<string, string?> Record(IReadOnlyList<string> header, IReadOnlyList<string> fields, string? target)
    {
        var record = new Dictionary<string, string?>(header.Count, StringComparer.Ordinal);
        for (int c = 0; c < header.Count; c++)
        {
            if (header[c] != target)
            {
                record[header[c]] = fields[c];
            }
        }

        return record;
    }
}
