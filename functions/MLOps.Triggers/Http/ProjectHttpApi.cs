using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using MLOps.Core;
using MLOps.Core.DataEngineering;
using MLOps.Core.Pipelines;
using MLOps.Core.Projects;
using MLOps.Core.Requirements;
using MLOps.Core.Security;
using MLOps.Triggers.Launching;

namespace MLOps.Triggers.Http;

/// <summary>
/// <c>POST /api/projects/{project}/spec</c> submits a spec (JSON, or YAML by content type) and starts the
/// Requirements pipeline; <c>GET /api/projects/{project}</c> returns the registered gates (latest or
/// <c>?version=n</c>), <c>GET /api/projects/{project}/versions</c> every version, and
/// <c>GET /api/projects/{project}/design</c> the design document.
/// </summary>
public sealed class ProjectHttpApi(
    PipelineCatalog catalog,
    PipelineLauncher launcher,
    ProjectRegistry registry,
    SubmissionCheck submissions,
    RequestGuard guard,
    IOptions<HttpApiOptions> options)
{
    /// <summary>
    /// Validates the spec in full at the door (YAML and JSON read under the same limits), and its sample, before
    /// anything is stored or queued: only an accepted spec is stored. One run per text and sample: while it runs or
    /// once it succeeded, the same submission is a 409; after it failed, the same submission runs again.
    /// </summary>
    public async Task<IResult> SubmitSpecAsync(HttpRequest request, string project, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        PipelineDefinition pipeline = catalog.TryGet(PipelineNames.Requirements, out PipelineDefinition? found)
            ? found : throw new InvalidOperationException("The requirements pipeline is not in the catalog.");
        if (!guard.TryAuthorizeStart(request, pipeline, out CallerIdentity? caller, out IResult? denied))
        {
            return denied;
        }

        string? body = await BodyReader.ReadAsync(request, options.Value.MaxBodyBytes, request.HttpContext.RequestAborted);
        if (body is null)
        {
            return Problems.TooLarge(options.Value.MaxBodyBytes);
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return Problems.BadRequest("The request body must hold the project spec (JSON, or YAML with a YAML content type).");
        }

        BlobReference? sample = null;
        if (request.Query.TryGetValue("sample", out var sampleText))
        {
            if ((sample = BlobReference.Parse(sampleText)) is null)
            {
                return Problems.BadRequest("'sample' must name a blob as {container}/{path}.");
            }

            IReadOnlyList<string> sampleProblems = RequirementsRequest.SampleProblems(project, sample.Container, sample.Name);
            if (sampleProblems.Count == 0 && await submissions.SampleProblemAsync(sample.Container, sample.Name, request.HttpContext.RequestAborted) is { } missing)
            {
                sampleProblems = [missing];
            }

            if (sampleProblems.Count > 0)
            {
                return Problems.BadRequest("The sample is not valid.", sampleProblems);
            }
        }

        SpecFormat format = IsYaml(request.ContentType) ? SpecFormat.Yaml : SpecFormat.Json;
        SpecValidationResult review = format == SpecFormat.Yaml ? ProjectSpecValidator.ValidateYaml(body) : ProjectSpecValidator.ValidateJson(body);
        List<SpecProblem> problems = [.. review.Problems];
        if (review.Spec is { } spec && spec.Name != project)
        {
            problems.Add(new SpecProblem("$.name", $"the spec names project '{spec.Name}' but was submitted for '{project}'"));
        }

        if (problems.Count > 0)
        {
            return Problems.BadRequest($"The spec has {problems.Count} problem(s); nothing was stored.", [.. problems.Select(p => p.ToString())]);
        }

        string submission = await registry.SaveSubmissionAsync(project, body, format, request.HttpContext.RequestAborted);
        var input = new RequirementsRequest(project, submission, sample?.Container, sample?.Name, caller.Principal);

        // One run per submitted text and sample: a resubmission of the same spec is a 409 pointing at the first run,
        // unless that run failed, when it runs again.
        string instanceId = $"{InstanceIds.RequirementsPrefix}{project}-{ContentHash.Sha256($"{submission}|{sample}")[..24]}";
        StartOutcome outcome = await launcher.StartAsync(
            client, pipeline, input, instanceId, caller, "http", StartPolicy.AgainAfterFailure, request.HttpContext.RequestAborted);
        if (outcome.Duplicate)
        {
            return Problems.Conflict($"This spec and sample were already submitted as instance '{instanceId}', which is running or has succeeded.");
        }

        ManagementUrls urls = ManagementUrls.For(request, pipeline.Name, outcome.InstanceId, duplicate: false);
        return Results.Accepted(urls.StatusQueryGetUri, urls);
    }

    public async Task<IResult> GetAsync(HttpRequest request, string project)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!guard.TryAuthorize(request, Permission.ReadProjects, out _, out IResult? denied))
        {
            return denied;
        }

        int? version = null;
        if (request.Query.TryGetValue("version", out var text))
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) || parsed < 1)
            {
                return Problems.BadRequest("'version' must be a whole number from 1.");
            }

            version = parsed;
        }

        ProjectRegistration? registration = await registry.GetAsync(project, version, request.HttpContext.RequestAborted);
        return registration is null ? NotRegistered(project, version) : Results.Json(registration, DataEngineeringJson.Options);
    }

    public async Task<IResult> ListVersionsAsync(HttpRequest request, string project)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!guard.TryAuthorize(request, Permission.ReadProjects, out _, out IResult? denied))
        {
            return denied;
        }

        IReadOnlyList<ProjectRegistration> versions = await registry.ListAsync(project, request.HttpContext.RequestAborted);
        return versions.Count == 0 ? NotRegistered(project, null) : Results.Json(versions, DataEngineeringJson.Options);
    }

    public async Task<IResult> GetDesignDocumentAsync(HttpRequest request, string project)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!guard.TryAuthorize(request, Permission.ReadProjects, out _, out IResult? denied))
        {
            return denied;
        }

        ProjectRegistration? registration = await registry.GetAsync(project, cancellationToken: request.HttpContext.RequestAborted);
        return registration is null
            ? NotRegistered(project, null)
            : Results.Text(await registry.ReadTextAsync(registration.DesignDocumentBlob, request.HttpContext.RequestAborted), "text/markdown; charset=utf-8");
    }

    private static IResult NotRegistered(string project, int? version) => Problems.NotFound(version is null
        ? $"Project '{project}' is not registered; submit its spec to POST /api/projects/{project}/spec."
        : $"Project '{project}' has no version {version}.");

    private static bool IsYaml(string? contentType) =>
        contentType is not null && (contentType.Contains("yaml", StringComparison.OrdinalIgnoreCase) || contentType.Contains("yml", StringComparison.OrdinalIgnoreCase));
}
