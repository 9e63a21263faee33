using System.Globalization;
using Microsoft.Extensions.Logging;
using MLOps.Core.FeatureStore;
using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.Observability;
using MLOps.Core.Projects;
using MLOps.Core.Registry;
using MLOps.Core.Registry.Mlflow;
using MLOps.Core.Requirements;
using MLOps.Core.Tracking;

namespace MLOps.Core.Packaging;

/// <summary>
/// Builds the model package of a registered version: reads its MLflow files, run, feature-set version (with the
/// fitted set) and spec versions (<see cref="PackageSources"/>), assembles and checks them
/// (<see cref="PackageAssembler"/>), signs the manifest and publishes the package under its digest
/// (<see cref="IModelPackageStore"/>). The registry shows the build's state on the version (building, built with the
/// digest, failed with the reason). Building a version again gives the same digest and leaves the stored package as it is.
/// </summary>
public sealed class PackageBuilder(
    IModelRegistry registry,
    IExperimentTracker tracker,
    OfflineFeatureStore features,
    ProjectRegistry projects,
    PackageSigner signer,
    IModelPackageStore store,
    TimeProvider clock,
    PlatformMetrics metrics,
    ILogger<PackageBuilder> logger)
{
    /// <exception cref="KeyNotFoundException">The version, or something it was built from, does not exist.</exception>
    /// <exception cref="InvalidDataException">Its sources disagree or cannot be packaged; the registry records why.</exception>
    public async Task<BuiltPackage> BuildAsync(BuildPackageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Validate() is { Count: > 0 } invalid)
        {
            throw new ArgumentException($"The package request is not valid: {string.Join("; ", invalid)}.", nameof(request));
        }

        ModelVersion version = await registry.GetVersionAsync(request.Project, request.Model, request.Version, cancellationToken)
            ?? throw new KeyNotFoundException($"{ModelUri.ForVersion(request.Model, request.Version)} is not a committed version of project '{request.Project}'.");
        await registry.RecordPackageBuildAsync(version.Project, version.Name, version.Version, PackageBuild.Building(clock.GetUtcNow()), cancellationToken);
        try
        {
            PackageContent content = PackageAssembler.Assemble(await this.ReadSourcesAsync(version, cancellationToken));
            PackageSignature signature = signer.Sign(content.ManifestBytes.ToMemory().Span);
            bool published = await store.PublishAsync(
                content.Digest, content.Files, content.ManifestBytes, BinaryData.FromBytes(PackageJson.ToBytes(signature)), cancellationToken);
            await registry.RecordPackageBuildAsync(
                version.Project, version.Name, version.Version, PackageBuild.Built(content.Digest, clock.GetUtcNow()), cancellationToken);
            metrics.PackageBuilt(published ? "published" : "existing");
            logger.LogInformation(
                "Packaged {Model} v{Version} ({Project}) as {Digest}: {Files} files, signed by key {KeyId}{Existing}.",
                version.Name, version.Version, version.Project, content.Digest, content.Files.Count, signer.KeyId, published ? string.Empty : " (already published)");
            return new BuiltPackage(
                version.Project, version.Name, version.Version, content.Digest, content.Files.Count,
                content.Files.Sum(f => (long)f.Content.ToMemory().Length), published);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            metrics.PackageBuilt("failed");
            logger.LogError(e, "Packaging {Model} v{Version} ({Project}) failed.", version.Name, version.Version, version.Project);
            try
            {
                await registry.RecordPackageBuildAsync(
                    version.Project, version.Name, version.Version, PackageBuild.Failed(e.Message, clock.GetUtcNow()), CancellationToken.None);
            }
            catch (Azure.RequestFailedException recording)
            {
                // The build's own failure is what the caller needs; the registry shows "building" until the next attempt.
                logger.LogWarning(recording, "Could not record the failed build of {Model} v{Version} ({Project}).", version.Name, version.Version, version.Project);
            }

            throw;
        }
    }

    private async Task<PackageSources> ReadSourcesAsync(ModelVersion version, CancellationToken cancellationToken)
    {
        var files = new SortedDictionary<string, BinaryData>(StringComparer.Ordinal);
        foreach (string file in MlflowModelDirectory.Files)
        {
            files[file] = await registry.ReadArtifactAsync(version.Project, version.Name, version.Version, file, cancellationToken)
                ?? throw new InvalidDataException($"{version.Uri} ({version.Project}) has no '{file}' in its MLflow directory.");
        }

        RunRecord run = await tracker.GetRunAsync(version.Project, version.RunId, cancellationToken)
            ?? throw new KeyNotFoundException($"Run '{version.RunId}' of {version.Uri} ({version.Project}) does not exist.");
        FeatureSetVersion featureSet = await features.GetAsync(
            version.Project, version.FeatureSetVersion.ToString(CultureInfo.InvariantCulture), cancellationToken)
            ?? throw new KeyNotFoundException($"Feature set v{version.FeatureSetVersion} of project '{version.Project}' does not exist.");
        IReadOnlyList<ProjectRegistration> registrations = await projects.ListAsync(version.Project, cancellationToken);
        ProjectRegistration trained = registrations.LastOrDefault(r => r.SpecSha256 == version.SpecSha256)
            ?? throw new KeyNotFoundException($"Project '{version.Project}' has no registered spec version with SHA-256 {version.SpecSha256}.");

        // The data rules that cleaned the training rows are those of the spec the feature set was built under.
        ProjectRegistration built = registrations.LastOrDefault(r => r.SpecSha256 == featureSet.SpecSha256) ?? trained;
        ProjectSpec spec = await projects.LoadSpecAsync(built.SpecBlob, cancellationToken);
        return new PackageSources
        {
            Version = version,
            MlflowFiles = files,
            Run = run,
            FeatureSet = featureSet,
            FeatureSpec = spec,
            SpecVersion = trained.Version,
            Labels = await this.LabelsAsync(featureSet, spec, cancellationToken),
        };
    }

    /// <summary>
    /// The class names in score order as training read them from the feature set (<c>TrainingTableLoader</c>): for a
    /// binary task the first label that is not the positive class, then the positive class; for multiclass every
    /// label in ordinal order.
    /// </summary>
    private async Task<IReadOnlyList<string>> LabelsAsync(FeatureSetVersion featureSet, ProjectSpec spec, CancellationToken cancellationToken)
    {
        if (spec.Task == ModelTask.Regression)
        {
            return [];
        }

        string? positive = spec.Target.PositiveClass;
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (FeatureFrame frame in features.ReadAsync(featureSet, cancellationToken))
        {
            foreach (string? label in frame.Labels ?? [])
            {
                if (label is { Length: > 0 } && seen.Add(label) && spec.Task == ModelTask.BinaryClassification && label != positive)
                {
                    return [label, positive!];
                }
            }
        }

        return spec.Task == ModelTask.BinaryClassification
            ? throw new InvalidDataException($"Feature set v{featureSet.Version} has no label other than the positive class '{positive}'.")
            : [.. seen];
    }
}
