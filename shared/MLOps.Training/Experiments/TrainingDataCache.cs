using System.Collections.Concurrent;
using MLOps.Core.FeatureStore;
using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.Requirements;
using MLOps.Training.Data;

namespace MLOps.Training.Experiments;

/// <summary>
/// Feature-set versions loaded as training tables, shared by the trials of a search running on this worker: a
/// version is immutable (content-addressed), so one read of its Parquet serves every trial.
/// </summary>
public sealed class TrainingDataCache(OfflineFeatureStore offline)
{
    private const int Capacity = 4;

    private readonly ConcurrentDictionary<string, Lazy<Task<TrainingTable>>> tables = new(StringComparer.Ordinal);

    public async Task<TrainingTable> GetAsync(FeatureSetVersion version, ModelTask task, string? positiveClass)
    {
        ArgumentNullException.ThrowIfNull(version);
        string key = $"{version.Sha256}|{task}|{positiveClass}";
        if (this.tables.Count >= Capacity && !this.tables.ContainsKey(key))
        {
            this.tables.Clear();
        }

        Lazy<Task<TrainingTable>> entry = this.tables.GetOrAdd(
            key, _ => new Lazy<Task<TrainingTable>>(() => TrainingTable.LoadAsync(offline.ReadAsync(version), task, positiveClass)));
        try
        {
            return await entry.Value;
        }
        catch
        {
            // A failed read must not stay cached: the next trial (or the activity's retry) reads again.
            this.tables.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }
}
