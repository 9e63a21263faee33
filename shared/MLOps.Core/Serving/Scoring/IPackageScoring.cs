namespace MLOps.Core.Serving.Scoring;

/// <summary>
/// What scoring needs of model packages and ONNX workers: open a committed package by digest (its feature contract
/// and descriptor), load it on the workers, and run model rows through a ready worker. One place where packages and
/// workers meet serving, so the online route and the batch pipeline score the same way.
/// </summary>
public interface IPackageScoring
{
    /// <summary>The committed, verified package with this digest; null when no committed package has it.</summary>
    Task<ScoringPackage?> OpenAsync(string digest, CancellationToken cancellationToken = default);

    /// <summary>
    /// Loads the package under <paramref name="servingName"/> on every worker that is ready now; returns the workers
    /// that loaded it (none when none is ready). <see cref="PackageRefusedException"/> when a worker refuses it.
    /// </summary>
    Task<IReadOnlyList<Uri>> LoadAsync(ScoringPackage package, string servingName, CancellationToken cancellationToken = default);

    /// <summary>Unloads <paramref name="servingName"/> from every ready worker (a replaced deployment).</summary>
    Task UnloadAsync(string servingName, CancellationToken cancellationToken = default);

    /// <summary>
    /// The model's scores for <paramref name="rows"/> (row-major, <see cref="ScoringPackage.Width"/> values per row,
    /// NaN for a missing feature) from one ready worker, which loads the package first if it lacks it.
    /// <see cref="NoReadyWorkerException"/> when no worker is ready; <see cref="WorkerFailedException"/> when the
    /// worker answered with an error.
    /// </summary>
    Task<ModelScores> InferAsync(ScoringPackage package, string servingName, ReadOnlyMemory<float> rows, CancellationToken cancellationToken = default);
}
