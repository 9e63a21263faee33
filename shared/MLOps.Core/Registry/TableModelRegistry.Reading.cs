using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace MLOps.Core.Registry;

/// <summary>Read-only views the HTTP API and the package builder need: a model's aliases, a version's card and MLflow files.</summary>
public sealed partial class TableModelRegistry
{
    internal const string ModelCardFile = "model-card.md";

    public async Task<IReadOnlyDictionary<string, int>> ListAliasesAsync(string project, string name, CancellationToken cancellationToken = default)
    {
        string prefix = RegistryTableLayout.AliasPrefix(ModelAliases.ValidateModelName(name));
        var aliases = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await foreach (TableEntity row in this.RangeAsync(project, prefix, cancellationToken))
        {
            aliases[row.RowKey[prefix.Length..]] = row.GetInt32("Version") ?? 0;
        }

        return aliases;
    }

    public async Task<BinaryData?> ReadArtifactAsync(string project, string name, int version, string file, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        if (!Mlflow.MlflowModelDirectory.Files.Contains(file, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{file}' is not a file of an MLflow model directory ({string.Join(", ", Mlflow.MlflowModelDirectory.Files)}).", nameof(file));
        }

        if (await this.GetVersionRowAsync(project, ModelAliases.ValidateModelName(name), version, cancellationToken) is not { } row
            || RegistryTableLayout.VersionFrom(row).State != ModelVersionState.Committed)
        {
            // A staged version's files are not the committed package's yet.
            return null;
        }

        try
        {
            return (await blobs.GetBlobContainerClient(ArtifactContainer).GetBlobClient(ArtifactPrefix(project, name, version) + file)
                .DownloadContentAsync(cancellationToken)).Value.Content;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<string?> ReadModelCardAsync(string project, string name, int version, CancellationToken cancellationToken = default)
    {
        if (await this.GetVersionAsync(project, ModelAliases.ValidateModelName(name), version, cancellationToken) is null)
        {
            // A staged version's card is not the committed package's yet.
            return null;
        }

        BlobClient blob = blobs.GetBlobContainerClient(ArtifactContainer)
            .GetBlobClient(ArtifactPrefix(project, ModelAliases.ValidateModelName(name), version) + ModelCardFile);
        try
        {
            BlobDownloadResult content = await blob.DownloadContentAsync(cancellationToken);
            return content.Content.ToString();
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // A version committed before cards were part of the package.
            return null;
        }
    }
}
