using MLOps.Core.Registry.Cards;
using MLOps.Core.Registry.Mlflow;
using MLOps.Core.Security;

namespace MLOps.Core.Registry;

/// <summary>
/// Registered models per project: numbered versions with provenance and approval, aliases moved under
/// optimistic concurrency with history and rollback, model cards and MLflow-compatible artifact directories.
/// </summary>
public interface IModelRegistry
{
    /// <summary>Creates the model, or returns it when it exists.</summary>
    Task<RegisteredModel> CreateModelAsync(string project, string name, string? description = null, CancellationToken cancellationToken = default);

    Task<RegisteredModel?> GetModelAsync(string project, string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// The next version from 1 as <see cref="ModelVersionState.Staged"/> (invisible to every reader), or the version
    /// this run already has, staged or committed. Write its package, then <see cref="CommitVersionAsync"/>.
    /// </summary>
    Task<ModelVersion> RegisterVersionAsync(ModelVersionRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes a staged version visible once its whole package (MLflow directory and model card) is written: moves the
    /// files into the version's folder and commits its state by a conditional write, then audits it. Committing a
    /// committed version only repeats the (idempotent) audit record and lineage.
    /// </summary>
    /// <exception cref="InvalidOperationException">A package file was never written; the version stays staged.</exception>
    Task<ModelVersion> CommitVersionAsync(string project, string name, int version, CancellationToken cancellationToken = default);

    /// <summary>A committed version, or null (none, or still staged).</summary>
    Task<ModelVersion?> GetVersionAsync(string project, string name, int version, CancellationToken cancellationToken = default);

    /// <summary>The committed versions in order.</summary>
    Task<IReadOnlyList<ModelVersion>> ListVersionsAsync(string project, string name, CancellationToken cancellationToken = default);

    /// <exception cref="SeparationOfDutiesException">The policy needs independent validation and the principal created the version.</exception>
    Task<ModelVersion> SetApprovalAsync(
        string project, string name, int version, ApprovalStatus status, string principal, IReadOnlyCollection<Role> roles, string reason,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Points the alias at the version. With <paramref name="expectedCurrent"/> the move only happens if the
    /// alias is there now (0 for "not set"); without, it only happens if nobody moves it in between.
    /// </summary>
    /// <exception cref="AliasConflictException">Another move won.</exception>
    /// <exception cref="ApprovalRequiredException">The alias is champion and the version lacks the approval its project's policy needs.</exception>
    Task<AliasMove> MoveAliasAsync(
        string project, string name, string alias, int version, string principal, int? expectedCurrent = null, string? reason = null,
        CancellationToken cancellationToken = default);

    /// <summary>Moves the alias back to the version it pointed at before its latest move (rollbacks unwind one move each).</summary>
    Task<AliasMove> RollbackAliasAsync(string project, string name, string alias, string principal, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>Every alias of the model and the version it points at, by alias name.</summary>
    Task<IReadOnlyDictionary<string, int>> ListAliasesAsync(string project, string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AliasMove>> AliasHistoryAsync(string project, string name, string alias, CancellationToken cancellationToken = default);

    /// <summary>Resolves <c>models:/{name}/{version}</c> or <c>models:/{name}@{alias}</c> within the project.</summary>
    /// <exception cref="KeyNotFoundException">No such version or alias.</exception>
    Task<ModelVersion> ResolveAsync(string project, string modelUri, CancellationToken cancellationToken = default);

    Task<VersionComparison> CompareVersionsAsync(string project, string name, int first, int second, CancellationToken cancellationToken = default);

    /// <summary>Writes the Markdown card into the version's package (staged until the commit); returns its committed blob name.</summary>
    Task<string> WriteModelCardAsync(ModelCard card, CancellationToken cancellationToken = default);

    /// <summary>The committed version's Markdown card, or null.</summary>
    Task<string?> ReadModelCardAsync(string project, string name, int version, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a staged version's MLflow model directory under the staging prefix; returns the blob names it has once
    /// committed. A committed version's directory is never rewritten.
    /// </summary>
    Task<IReadOnlyList<string>> WriteArtifactsAsync(
        string project, string name, int version, MlflowModelPackage package, CancellationToken cancellationToken = default);

    /// <summary>A file of a committed version's MLflow directory (<see cref="MlflowModelDirectory.Files"/>) as registered; null when absent.</summary>
    Task<BinaryData?> ReadArtifactAsync(string project, string name, int version, string file, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the build state of a committed version's model package. A <see cref="PackageBuildState.Building"/> or
    /// <see cref="PackageBuildState.Failed"/> state never replaces a <see cref="PackageBuildState.Built"/> one: a package, once
    /// built, exists whatever later attempts do. Returns the version as stored.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such committed version.</exception>
    Task<ModelVersion> RecordPackageBuildAsync(string project, string name, int version, PackageBuild build, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the verdict of a continuous-integration build of the version's built package (<paramref name="digest"/>).
    /// The latest build by finishing time is kept; the same build recorded again changes nothing.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such committed version.</exception>
    /// <exception cref="InvalidOperationException">The version's built package is not <paramref name="digest"/>.</exception>
    Task<ModelVersion> RecordCheckedBuildAsync(string project, string name, int version, string digest, CheckedBuild build, CancellationToken cancellationToken = default);
}
