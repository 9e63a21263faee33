using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MLOps.Core.DataEngineering;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.Requirements;
using MLOps.Core.Storage;

namespace MLOps.Core.Projects;

/// <summary>
/// The steps of the Requirements pipeline: review a submitted spec, check it against real data, write the
/// design document and register the project's gates. Every output is stored under a name derived from its
/// inputs' hashes, so a retried or replayed step finds its own earlier result.
/// </summary>
public sealed class RequirementsAnalyst(ProjectRegistry registry, BlobServiceClient blobs)
{
    /// <summary>
    /// Rows read for the feasibility check: enough for stable label shares and univariate AUCs, and a bound on
    /// the step's memory whatever the size of the file.
    /// </summary>
    public const int MaxSampleRows = 100_000;

    public async Task<SpecReview> ReviewAsync(RequirementsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string text = await registry.ReadTextAsync(request.SubmissionBlob, cancellationToken);
        SpecValidationResult result = request.SubmissionBlob.EndsWith(".yaml", StringComparison.Ordinal)
            ? ProjectSpecValidator.ValidateYaml(text)
            : ProjectSpecValidator.ValidateJson(text);
        var problems = result.Problems.ToList();
        if (result.Spec is { } parsed && parsed.Name != request.Project)
        {
            problems.Add(new SpecProblem("$.name", $"the spec names project '{parsed.Name}' but was submitted for '{request.Project}'"));
        }

        if (problems.Count > 0 || result.Spec is not { } spec)
        {
            return new SpecReview(request.Project, problems, null, null);
        }

        (string blob, string sha) = await registry.SaveSpecAsync(spec, cancellationToken);
        return new SpecReview(request.Project, [], blob, sha);
    }

    public async Task<FeasibilitySummary> CheckFeasibilityAsync(FeasibilityRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ProjectSpec spec = await registry.LoadSpecAsync(request.SpecBlob, cancellationToken);
        BlobReference sample = request.Sample ?? await this.LatestLandedAsync(request.Project, cancellationToken)
            ?? throw new DataRejectedException(
                $"Project '{request.Project}' has no data to check the spec against: name a sample blob, or land a file under '{BlobContainers.Landing}/{request.Project}/' first.");
        BlobClient blob = blobs.GetBlobContainerClient(sample.Container).GetBlobClient(sample.Name);
        DataSample data;
        string etag;
        try
        {
            BlobDownloadStreamingResult download = (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
            etag = download.Details.ETag.ToString();
            await using Stream content = download.Content;
            data = await DataSampleReader.ReadAsync(content, MaxSampleRows, cancellationToken);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            throw new DataRejectedException($"The sample '{sample}' does not exist.", ex);
        }
        catch (CsvFormatException ex)
        {
            throw new DataRejectedException($"The sample '{sample}' is not valid CSV: {ex.Message}", ex);
        }

        FeasibilityReport report = FeasibilityChecker.Check(spec, data);
        string specSha = Path.GetFileNameWithoutExtension(request.SpecBlob);
        string name = $"{request.Project}/feasibility/{specSha[..16]}-{ContentHash.Sha256(sample + "@" + etag)[..16]}.json";
        await registry.WriteOnceAsync(name, DataEngineeringJson.Serialize(report), cancellationToken);
        return new FeasibilitySummary(
            report.Passed,
            report.Rows,
            sample.ToString(),
            name,
            report.Findings.Where(f => f.Severity == FindingSeverity.Error).ToArray(),
            report.Findings.Count(f => f.Severity == FindingSeverity.Warning));
    }

    public async Task<string> WriteDesignDocumentAsync(DesignDocumentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ProjectSpec spec = await registry.LoadSpecAsync(request.SpecBlob, cancellationToken);
        var feasibility = DataEngineeringJson.Deserialize<FeasibilityReport>(await registry.ReadTextAsync(request.FeasibilityReportBlob, cancellationToken));
        string name = $"{request.Project}/design/{Path.GetFileNameWithoutExtension(request.FeasibilityReportBlob)}.md";
        await registry.WriteOnceAsync(name, DesignDocument.Render(spec, feasibility), cancellationToken);
        return name;
    }

    public async Task<ProjectRegistration> RegisterAsync(RegistrationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ProjectSpec spec = await registry.LoadSpecAsync(request.SpecBlob, cancellationToken);
        ProjectGates gates = ProjectGates.From(spec);
        return await registry.RegisterAsync(
            new ProjectRegistration
            {
                Project = request.Project,
                Version = 0,
                SpecSha256 = gates.SpecSha256,
                SpecBlob = request.SpecBlob,
                DesignDocumentBlob = request.DesignDocumentBlob,
                FeasibilityReportBlob = request.FeasibilityReportBlob,
                Gates = gates,
                RegisteredAt = default,
                RegisteredBy = request.RegisteredBy,
            },
            cancellationToken);
    }

    private async Task<BlobReference?> LatestLandedAsync(string project, CancellationToken cancellationToken)
    {
        BlobContainerClient landing = blobs.GetBlobContainerClient(BlobContainers.Landing);
        if (!await landing.ExistsAsync(cancellationToken))
        {
            return null;
        }

        BlobItem? latest = null;
        await foreach (BlobItem item in landing.GetBlobsAsync(new GetBlobsOptions { Prefix = project + "/" }, cancellationToken))
        {
            if (latest is null || item.Properties.LastModified > latest.Properties.LastModified)
            {
                latest = item;
            }
        }

        return latest is null ? null : new BlobReference(BlobContainers.Landing, latest.Name);
    }
}
