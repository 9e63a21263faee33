using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using MLOps.Core.Packaging;
using MLOps.Core.Serving.Workers;

namespace MLOps.Core.Serving.Scoring;

/// <summary>
/// <see cref="IPackageScoring"/> over the package store (<see cref="ModelPackageReader"/>: every package verified when
/// opened) and the ONNX worker pool (<see cref="InferenceWorkerPool"/>: only ready workers). Opened packages are kept
/// by digest — a digest names one content forever — so a score request does not verify its package again. A worker
/// that does not answer is taken out of rotation and the next ready one is asked; one that lacks the model (it
/// restarted, or joined after the deployment) loads it and is asked again.
/// </summary>
public sealed class WorkerPackageScoring(ModelPackageReader packages, InferenceWorkerPool workers, ILogger<WorkerPackageScoring> logger) : IPackageScoring
{
    /// <summary>Opened packages kept at most; deployments are few, so this only bounds a flood of distinct digests.</summary>
    private const int MaxOpened = 64;

    /// <summary>Ready workers tried for one inference before the request is answered 503.</summary>
    private const int MaxWorkerAttempts = 3;

    private readonly ConcurrentDictionary<string, Lazy<Task<ScoringPackage?>>> opened = new(StringComparer.Ordinal);

    public async Task<ScoringPackage?> OpenAsync(string digest, CancellationToken cancellationToken = default)
    {
        if (!PackageDigests.IsValid(digest))
        {
            return null;
        }

        if (this.opened.Count > MaxOpened)
        {
            this.opened.Clear();
        }

        // Shared by concurrent callers, so it runs without any one caller's cancellation.
        Lazy<Task<ScoringPackage?>> entry = this.opened.GetOrAdd(digest, d => new Lazy<Task<ScoringPackage?>>(() => this.ReadAsync(d)));
        try
        {
            ScoringPackage? package = await entry.Value.WaitAsync(cancellationToken);
            if (package is null)
            {
                // Not built yet: ask the store again next time.
                this.opened.TryRemove(new KeyValuePair<string, Lazy<Task<ScoringPackage?>>>(digest, entry));
            }

            return package;
        }
        catch (Exception) when (entry.Value.IsFaulted)
        {
            this.opened.TryRemove(new KeyValuePair<string, Lazy<Task<ScoringPackage?>>>(digest, entry));
            throw;
        }
    }

    public async Task<IReadOnlyList<Uri>> LoadAsync(ScoringPackage package, string servingName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(package);
        IReadOnlyList<InferenceWorkerClient> ready = await workers.GetReadyAsync(cancellationToken);
        Uri?[] loaded = await Task.WhenAll(ready.Select(async worker =>
        {
            try
            {
                await worker.LoadAsync(servingName, package.Digest, cancellationToken);
                return worker.Endpoint;
            }
            catch (InferenceWorkerException e) when (e.Status is null or HttpStatusCode.ServiceUnavailable)
            {
                // Not ready after all: it loads the package on its first score once it is.
                workers.MarkNotReady(worker.Endpoint);
                logger.LogWarning("Worker {Endpoint} did not load {Model}: {Error}", worker.Endpoint, servingName, e.Error);
                return null;
            }
            catch (InferenceWorkerException e)
            {
                throw new PackageRefusedException($"worker {worker.Endpoint} answered {(int)e.Status!}: {e.Error}", e);
            }
        }));
        return [.. loaded.OfType<Uri>()];
    }

    public async Task UnloadAsync(string servingName, CancellationToken cancellationToken = default)
    {
        foreach (InferenceWorkerClient worker in await workers.GetReadyAsync(cancellationToken))
        {
            try
            {
                await worker.UnloadAsync(servingName, cancellationToken);
            }
            catch (InferenceWorkerException e)
            {
                logger.LogWarning("Worker {Endpoint} did not unload {Model}: {Error}", worker.Endpoint, servingName, e.Error);
            }
        }
    }

    public async Task<ModelScores> InferAsync(ScoringPackage package, string servingName, ReadOnlyMemory<float> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(package);
        string? unanswered = null;
        for (int attempt = 0; attempt < MaxWorkerAttempts; attempt++)
        {
            InferenceWorkerClient worker;
            try
            {
                worker = await workers.NextReadyAsync(cancellationToken);
            }
            catch (InferenceWorkerException e)
            {
                throw new NoReadyWorkerException(unanswered is null ? e.Error : $"{e.Error} ({unanswered})", e);
            }

            try
            {
                return await this.InferOnAsync(worker, package, servingName, rows, cancellationToken);
            }
            catch (InferenceWorkerException e) when (e.Status is null or HttpStatusCode.ServiceUnavailable)
            {
                workers.MarkNotReady(worker.Endpoint);
                unanswered = $"worker {worker.Endpoint} did not answer: {e.Error}";
                logger.LogWarning("Worker {Endpoint} did not answer an inference of {Model}; trying another: {Error}", worker.Endpoint, servingName, e.Error);
            }
        }

        throw new NoReadyWorkerException($"{MaxWorkerAttempts} ready workers did not answer; the last: {unanswered}");
    }

    private async Task<ModelScores> InferOnAsync(
        InferenceWorkerClient worker, ScoringPackage package, string servingName, ReadOnlyMemory<float> rows, CancellationToken cancellationToken)
    {
        string version = package.Version.ToString(CultureInfo.InvariantCulture);
        var request = new InferenceRequestOptions { InputName = package.InputName, Outputs = [package.ScoreOutput] };
        InferenceResult result;
        try
        {
            result = await worker.InferAsync(servingName, version, rows, package.Width, request, cancellationToken);
        }
        catch (InferenceWorkerException e) when (e.Status == HttpStatusCode.NotFound)
        {
            // The worker lacks the deployment (restarted, or joined after it was deployed): load it there, then ask again.
            logger.LogInformation("Worker {Endpoint} lacks {Model}; loading package {Package} there.", worker.Endpoint, servingName, package.Digest);
            await LoadOnAsync(worker, package, servingName, cancellationToken);
            result = await AskAgainAsync(worker, servingName, version, rows, package, request, cancellationToken);
        }
        catch (InferenceWorkerException e) when (e.Status is { } status && status != HttpStatusCode.ServiceUnavailable)
        {
            throw new WorkerFailedException($"worker {worker.Endpoint} answered {(int)status}: {e.Error}", e);
        }

        float[] scores = result.Scores(package.ScoreOutput);
        int count = rows.Length / package.Width;
        return new ModelScores(scores, count == 0 ? 0 : scores.Length / count, worker.Endpoint, result.ModelVersion);
    }

    private static async Task LoadOnAsync(InferenceWorkerClient worker, ScoringPackage package, string servingName, CancellationToken cancellationToken)
    {
        try
        {
            await worker.LoadAsync(servingName, package.Digest, cancellationToken);
        }
        catch (InferenceWorkerException e) when (e.Status is { } status && status != HttpStatusCode.ServiceUnavailable)
        {
            throw new WorkerFailedException($"worker {worker.Endpoint} refused to load package {package.Digest} ({(int)status}): {e.Error}", e);
        }
    }

    private static async Task<InferenceResult> AskAgainAsync(
        InferenceWorkerClient worker, string servingName, string version, ReadOnlyMemory<float> rows, ScoringPackage package,
        InferenceRequestOptions request, CancellationToken cancellationToken)
    {
        try
        {
            return await worker.InferAsync(servingName, version, rows, package.Width, request, cancellationToken);
        }
        catch (InferenceWorkerException e) when (e.Status is { } status && status != HttpStatusCode.ServiceUnavailable)
        {
            throw new WorkerFailedException($"worker {worker.Endpoint} answered {(int)status}: {e.Error}", e);
        }
    }

    private async Task<ScoringPackage?> ReadAsync(string digest)
    {
        ModelPackage? package;
        try
        {
            package = await packages.OpenAsync(digest, CancellationToken.None);
        }
        catch (InvalidPackageException e)
        {
            throw new PackageRefusedException(e.Message, e);
        }

        if (package is null)
        {
            return null;
        }

        PackageDescriptor descriptor = package.Descriptor;
        string score = descriptor.Outputs.FirstOrDefault(o => o.Score == true)?.Name
            ?? ScoreOutput.Find(descriptor.Task, descriptor.Outputs.Select(o => o.Name))
            ?? throw new PackageRefusedException($"Package {digest} names no score output among {string.Join(", ", descriptor.Outputs.Select(o => o.Name))}.");
        return new ScoringPackage
        {
            Digest = digest,
            Project = descriptor.Project,
            Model = descriptor.Model,
            Version = descriptor.Version,
            Task = descriptor.Task,
            InputName = descriptor.Input.Name,
            FeatureNames = descriptor.Input.FeatureNames,
            ScoreOutput = score,
            DecisionThreshold = descriptor.DecisionThreshold,
            Labels = descriptor.Labels,
            EntityKey = descriptor.EntityKey,
            FeatureSetVersion = descriptor.Lineage.FeatureSetVersion,
            FeatureSetSha256 = descriptor.Lineage.FeatureSetSha256,
            Encoder = package.Contract.CreateEncoder(),
        };
    }
}
