using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using MLOps.Core.Packaging;
using MLOps.OnnxWorker.Batching;
using MLOps.OnnxWorker.Hosting;
using MLOps.OnnxWorker.Metrics;
using MLOps.OnnxWorker.Onnx;
using MLOps.OnnxWorker.Packages;

namespace MLOps.OnnxWorker.Models;

/// <summary>
/// The model versions this worker serves, by serving name. A load verifies the package, opens a session (CUDA, else
/// CPU) and adds the manifest's version under the name, replacing the same version if it was loaded (Triton's
/// "reload"); a request without a version gets the highest. Unload removes every version of a name. A name whose
/// last load failed and that has nothing loaded is listed UNAVAILABLE with the reason.
/// </summary>
public sealed class ModelRepository(
    PackageSource packages,
    ExecutionProvider provider,
    WorkerMetrics metrics,
    IOptions<WorkerOptions> options,
    IOptions<DynamicBatchingOptions> batching,
    ILogger<ModelRepository> logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, LoadedModel[]> models = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> failures = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim changes = new(1, 1);

    /// <summary>The version asked for, or the highest loaded when <paramref name="version"/> is null; null when there is none.</summary>
    public LoadedModel? Find(string name, string? version)
    {
        if (!this.models.TryGetValue(name, out LoadedModel[]? versions))
        {
            return null;
        }

        return version is null ? versions[^1] : versions.FirstOrDefault(v => v.Version == version);
    }

    /// <summary>Every loaded version of <paramref name="name"/>, lowest first.</summary>
    public IReadOnlyList<LoadedModel> Versions(string name) => this.models.TryGetValue(name, out LoadedModel[]? versions) ? versions : [];

    public IEnumerable<LoadedModel> All => this.models.Values.SelectMany(v => v);

    public IReadOnlyDictionary<string, string> Failures => this.failures;

    public async Task<LoadedModel> LoadAsync(string name, string digest, CancellationToken cancellationToken)
    {
        await this.changes.WaitAsync(cancellationToken);
        try
        {
            LoadedModel loaded = await this.OpenAsync(name, digest, cancellationToken);
            LoadedModel[] previous = this.Versions(name).ToArray();
            this.models[name] = [.. previous.Where(v => v.VersionNumber != loaded.VersionNumber).Append(loaded).OrderBy(v => v.VersionNumber)];
            this.failures.TryRemove(name, out _);
            logger.LogInformation(
                "Loaded {Model} version {Version} from package {Package} on {Provider} ({Outputs} outputs, width {Width}).",
                name, loaded.Version, digest, loaded.Provider, loaded.Signature.Outputs.Count, loaded.Signature.Width);
            if (previous.FirstOrDefault(v => v.VersionNumber == loaded.VersionNumber) is { } replaced)
            {
                await replaced.RetireAsync();
            }

            return loaded;
        }
        catch (PackageRefusedException e)
        {
            if (!this.models.ContainsKey(name))
            {
                this.failures[name] = e.Message;
            }

            logger.LogWarning("Refused to load {Model} from package {Package}: {Reason}", name, digest, e.Message);
            throw;
        }
        finally
        {
            this.changes.Release();
        }
    }

    /// <summary>Removes every version of <paramref name="name"/>, once their requests in flight have finished; false when none was loaded.</summary>
    public async Task<bool> UnloadAsync(string name)
    {
        await this.changes.WaitAsync();
        try
        {
            this.failures.TryRemove(name, out _);
            if (!this.models.TryRemove(name, out LoadedModel[]? versions))
            {
                return false;
            }

            foreach (LoadedModel version in versions)
            {
                await version.RetireAsync();
            }

            logger.LogInformation("Unloaded {Model} ({Versions} version(s)).", name, versions.Length);
            return true;
        }
        finally
        {
            this.changes.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (string name in this.models.Keys.ToArray())
        {
            await this.UnloadAsync(name);
        }

        this.changes.Dispose();
    }

    private async Task<LoadedModel> OpenAsync(string name, string digest, CancellationToken cancellationToken)
    {
        (PackageManifest manifest, byte[] model) = await packages.ReadModelAsync(digest, cancellationToken);
        InferenceSession session;
        string runsOn;
        try
        {
            (session, runsOn) = provider.CreateSession(model);
        }
        catch (OnnxRuntimeException e)
        {
            throw new PackageRefusedException(409, $"ONNX Runtime cannot load {PackageLayout.ModelOnnx} of package {digest}: {e.Message}", e);
        }

        if (ModelSignature.Read(session, out string? problem) is not { } signature)
        {
            session.Dispose();
            throw new PackageRefusedException(409, $"Package {digest}: {problem}");
        }

        int maxBatchSize = options.Value.MaxBatchSize;
        var tags = new ModelTags(name, manifest.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var buffers = new RunBufferPool(signature, maxBatchSize);
        var execution = new ModelExecution(session, signature, buffers, metrics, tags);
        IInferenceScheduler scheduler = batching.Value.Enabled
            ? new DynamicBatcher(execution, batching.Value, maxBatchSize)
            : new DirectScheduler(execution);
        return new LoadedModel(name, manifest.Version, digest, runsOn, session, signature, buffers, scheduler, tags);
    }
}
