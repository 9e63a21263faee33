using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MLOps.Core.DataEngineering;
using MLOps.Core.Requirements;
using MLOps.Core.Storage;

namespace MLOps.Core.Projects;

/// <summary>
/// The store of project specs and registrations, in the <c>projects</c> container: submissions and canonical
/// specs by content hash, documents beside them, and one write-once record per registered version
/// (<c>{project}/versions/{n:D6}.json</c>), committed by a create-if-absent write so two registrations racing for
/// the same number cannot both win.
/// </summary>
public sealed partial class ProjectRegistry(BlobServiceClient blobs, TimeProvider clock)
{
    private BlobContainerClient Container => blobs.GetBlobContainerClient(BlobContainers.Projects);

    /// <summary>Whether <paramref name="blobName"/> is the name <see cref="SaveSubmissionAsync"/> gives a submission of <paramref name="project"/>.</summary>
    public static bool IsSubmissionOf(string project, string? blobName) =>
        blobName is not null && SubmissionPattern().Match(blobName) is { Success: true } match && match.Groups["project"].Value == project;

    public async Task<string> SaveSubmissionAsync(string project, string content, SpecFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        string name = $"{project}/submissions/{ContentHash.Sha256(content)}.{(format == SpecFormat.Yaml ? "yaml" : "json")}";
        await this.WriteOnceAsync(name, content, cancellationToken);
        return name;
    }

    public async Task<string> ReadTextAsync(string blobName, CancellationToken cancellationToken = default)
    {
        BlobDownloadResult result = (await this.Container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken)).Value;
        return result.Content.ToString();
    }

    /// <summary>Stores the canonical JSON of a valid spec under its hash; returns the blob name and hash.</summary>
    public async Task<(string Blob, string Sha256)> SaveSpecAsync(ProjectSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string sha = ProjectSpecJson.Sha256(spec);
        string name = $"{spec.Name}/specs/{sha}.json";
        await this.WriteOnceAsync(name, ProjectSpecJson.Serialize(spec), cancellationToken);
        return (name, sha);
    }

    public async Task<ProjectSpec> LoadSpecAsync(string specBlob, CancellationToken cancellationToken = default) =>
        ProjectSpecJson.Parse(await this.ReadTextAsync(specBlob, cancellationToken));

    /// <summary>Writes a derived document (report, design) once under its deterministic name.</summary>
    public async Task WriteOnceAsync(string name, string content, CancellationToken cancellationToken = default)
    {
        await this.Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

        // Names are content hashes or derived from them: an existing blob already holds this content.
        await this.Container.GetBlobClient(name).TryCreateAsync(BinaryData.FromString(content), cancellationToken);
    }

    public async Task<ProjectRegistration> RegisterAsync(ProjectRegistration candidate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        await this.Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        while (true)
        {
            ProjectRegistration? latest = await this.GetAsync(candidate.Project, cancellationToken: cancellationToken);
            if (latest?.SpecSha256 == candidate.SpecSha256)
            {
                return latest;
            }

            ProjectRegistration next = candidate with { Version = (latest?.Version ?? 0) + 1, RegisteredAt = clock.GetUtcNow() };
            BlobClient blob = this.Container.GetBlobClient(VersionBlob(candidate.Project, next.Version));
            if (await blob.TryCreateAsync(BinaryData.FromString(DataEngineeringJson.Serialize(next)), cancellationToken))
            {
                return next;
            }

            // Another registration took this number: read again and either find our spec or take the next one.
        }
    }

    /// <summary>The given version, or the latest when <paramref name="version"/> is null; null when there is none.</summary>
    public async Task<ProjectRegistration?> GetAsync(string project, int? version = null, CancellationToken cancellationToken = default)
    {
        string? name = version is { } v ? VersionBlob(project, v) : (await this.ListVersionBlobsAsync(project, cancellationToken)).LastOrDefault();
        if (name is null)
        {
            return null;
        }

        try
        {
            return DataEngineeringJson.Deserialize<ProjectRegistration>(await this.ReadTextAsync(name, cancellationToken));
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The latest registration; a project without one is rejected, since its data has no rules to meet.</summary>
    public async Task<ProjectRegistration> RequireAsync(string project, CancellationToken cancellationToken = default) =>
        await this.GetAsync(project, cancellationToken: cancellationToken)
        ?? throw new DataRejectedException(
            $"Project '{project}' is not registered: submit its spec to POST /api/projects/{project}/spec before landing data.");

    public async Task<IReadOnlyList<ProjectRegistration>> ListAsync(string project, CancellationToken cancellationToken = default)
    {
        var result = new List<ProjectRegistration>();
        foreach (string name in await this.ListVersionBlobsAsync(project, cancellationToken))
        {
            result.Add(DataEngineeringJson.Deserialize<ProjectRegistration>(await this.ReadTextAsync(name, cancellationToken)));
        }

        return result;
    }

    private static string VersionBlob(string project, int version) =>
        $"{project}/versions/{version.ToString("D6", CultureInfo.InvariantCulture)}.json";

    private async Task<List<string>> ListVersionBlobsAsync(string project, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        if (!await this.Container.ExistsAsync(cancellationToken))
        {
            return names;
        }

        await foreach (BlobItem item in this.Container.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{project}/versions/" }, cancellationToken))
        {
            names.Add(item.Name);
        }

        // Zero-padded numbers list in order.
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^(?<project>[a-z0-9-]+)/submissions/[0-9a-f]{64}\\.(json|yaml)$")]
    private static partial System.Text.RegularExpressions.Regex SubmissionPattern();
}
