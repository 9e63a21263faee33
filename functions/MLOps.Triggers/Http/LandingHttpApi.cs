using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.DurableTask.Client;
using MLOps.Core.Landing;
using MLOps.Core.Pipelines;
using MLOps.Core.Requirements;
using MLOps.Core.Security;
using MLOps.Core.Storage;
using MLOps.Triggers.Landing;

namespace MLOps.Triggers.Http;

/// <summary>
/// <c>PUT /api/projects/{project}/landing/{fileName}</c> lands a file without a storage SDK: the body (the file's bytes)
/// is streamed into <c>landing/{project}/{fileName}</c> by a staged upload committed only when complete
/// (<see cref="LandingUploader"/>), then handed to <see cref="LandingTrigger"/> exactly as the blob trigger would hand
/// it, with the blob's deterministic instance id. 202 with the data pipeline's status URL, or 201 when the file waits
/// for the project's spec. <c>GET /api/projects/{project}/landing</c> lists the project's landed files and their state.
/// </summary>
public sealed class LandingHttpApi(PipelineCatalog catalog, LandingUploader uploader, LandingTrigger landing, ILandingQueue queue, RequestGuard guard)
{
    public async Task<IResult> UploadAsync(HttpRequest request, string project, string fileName, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        PipelineDefinition pipeline = catalog.TryGet(PipelineNames.DataEngineering, out PipelineDefinition? found)
            ? found : throw new InvalidOperationException("The data engineering pipeline is not in the catalog.");

        // Landing a file starts the data pipeline, so the roles that may start it may upload.
        if (!guard.TryAuthorizeStart(request, pipeline, out CallerIdentity? caller, out IResult? denied))
        {
            return denied;
        }

        var problems = new List<string>(LandingFileName.Problems(fileName));
        if (!ProjectSpecValidator.IsValidName(project))
        {
            problems.Insert(0, "project must be a lower-case slug (letters, digits, single hyphens, 1-63 characters)");
        }

        if (problems.Count > 0)
        {
            return Problems.BadRequest(string.Join("; ", problems), problems);
        }

        if (request.ContentLength > uploader.MaxBytes)
        {
            return Problems.FileTooLarge(uploader.MaxBytes);
        }

        // The server's own body limit (Kestrel: 30 MB) is for the JSON routes; this route counts bytes itself.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = uploader.MaxBytes + LandingUploader.BlockBytes;
        }

        CancellationToken cancellationToken = request.HttpContext.RequestAborted;
        LandingUploadResult upload;
        try
        {
            upload = await uploader.UploadAsync(project, fileName, request.Body, request.ContentType, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.FileTooLarge(uploader.MaxBytes);
        }

        switch (upload.Status)
        {
            case LandingUploadStatus.TooLarge:
                return Problems.FileTooLarge(uploader.MaxBytes);
            case LandingUploadStatus.Empty:
                return Problems.BadRequest("The body is empty; send the file's bytes.");
            case LandingUploadStatus.Exists:
                return Problems.Conflict($"'{BlobContainers.Landing}/{project}/{fileName}' has already landed; landed files are never overwritten, so give the new one its own name.");
        }

        LandingBlob blob = upload.Blob!;
        LandingOutcome outcome = await landing.OnBlobCreatedAsync(blob, client, "upload", caller, cancellationToken);
        var landed = new LandedFileView(
            project, fileName, $"{BlobContainers.Landing}/{blob.Name}", blob.ETag, upload.Bytes, upload.Sha256,
            outcome.Start is null ? (outcome.Held?.State ?? LandingState.Waiting).ToString() : LandingState.Started.ToString(),
            outcome.Held?.Reason ?? (outcome.Problems.Count > 0 ? string.Join("; ", outcome.Problems) : null),
            outcome.Start is { } start ? ManagementUrls.For(request, pipeline.Name, start.InstanceId, start.Duplicate) : null);
        return outcome.Start is { } started
            ? Results.Accepted(ManagementUrls.For(request, pipeline.Name, started.InstanceId, started.Duplicate).StatusQueryGetUri, landed)
            : Results.Created($"{request.PathBase}/api/projects/{project}/landing", landed);
    }

    public async Task<IResult> ListAsync(HttpRequest request, string project)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!guard.TryAuthorize(request, Permission.ReadProjects, out _, out IResult? denied))
        {
            return denied;
        }

        if (!ProjectSpecValidator.IsValidName(project))
        {
            return Problems.BadRequest("project must be a lower-case slug (letters, digits, single hyphens, 1-63 characters)");
        }

        IReadOnlyList<LandedFile> files = await queue.ListAsync(project, request.HttpContext.RequestAborted);
        return Results.Ok(files.Select(f => new
        {
            f.Blob,
            File = f.Blob[(project.Length + 1)..],
            f.ETag,
            f.Length,
            f.LandedAt,
            State = f.State.ToString(),
            f.Reason,
            f.InstanceId,
            StatusQueryGetUri = f.InstanceId is { } id ? ManagementUrls.For(request, PipelineNames.DataEngineering, id, duplicate: false).StatusQueryGetUri : null,
        }));
    }
}

/// <summary>The upload route's answer: where the file is, its size and SHA-256, and what it started (or why it waits).</summary>
public sealed record LandedFileView(
    string Project,
    string File,
    string Blob,
    string ETag,
    long Bytes,
    string? Sha256,
    string State,
    string? Reason,
    ManagementUrls? Pipeline);
