using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using MLOps.Core.DataEngineering;
using MLOps.Core.Registry;
using MLOps.Core.Security;

namespace MLOps.Triggers.Http;

/// <summary>
/// The model registry, read side: <c>GET /api/projects/{project}/models/{name}</c> (model, versions, aliases),
/// <c>…/versions/{version}[/card]</c>, <c>…/models/resolve?uri=</c> and <c>…/models/{name}/compare?v1=&amp;v2=</c>.
/// The write side (aliases, approval) is in <c>ModelRegistryHttpApi.Aliases.cs</c>. ASP.NET ranks the literal
/// <c>resolve</c> above <c>{name}</c>, the Functions host may not (it orders by function name), so
/// <see cref="GetModelAsync"/> dispatches it too; a model named "resolve" is not readable over HTTP.
/// </summary>
public sealed partial class ModelRegistryHttpApi(IModelRegistry registry, RequestGuard guard, IOptions<HttpApiOptions> options)
{
    public const string ResolveSegment = "resolve";

    public async Task<IResult> GetModelAsync(HttpRequest request, string project, string name)
    {
        if (name == ResolveSegment)
        {
            return await this.ResolveAsync(request, project);
        }

        if (!this.Authorized(request, Permission.ReadProjects, out _, out IResult? denied))
        {
            return denied;
        }

        return await Guarded(async () =>
        {
            CancellationToken cancel = request.HttpContext.RequestAborted;
            RegisteredModel? model = await registry.GetModelAsync(project, ModelAliases.ValidateModelName(name), cancel);
            if (model is null)
            {
                return NoModel(project, name);
            }

            IReadOnlyList<ModelVersion> versions = await registry.ListVersionsAsync(project, name, cancel);
            IReadOnlyDictionary<string, int> aliases = await registry.ListAliasesAsync(project, name, cancel);
            return Results.Json(new { model.Name, model.Project, model.Description, model.CreatedAt, Versions = versions, Aliases = aliases }, DataEngineeringJson.Options);
        });
    }

    public async Task<IResult> GetVersionAsync(HttpRequest request, string project, string name, string version)
    {
        if (!this.Authorized(request, Permission.ReadProjects, out _, out IResult? denied))
        {
            return denied;
        }

        if (!TryVersion(version, out int number))
        {
            return BadVersion(version);
        }

        return await Guarded(async () =>
            await registry.GetVersionAsync(project, ModelAliases.ValidateModelName(name), number, request.HttpContext.RequestAborted) is { } found
                ? Results.Json(found, DataEngineeringJson.Options)
                : NoVersion(project, name, number));
    }

    public async Task<IResult> ResolveAsync(HttpRequest request, string project)
    {
        if (!this.Authorized(request, Permission.ReadProjects, out _, out IResult? denied))
        {
            return denied;
        }

        string? uri = request.Query["uri"];
        if (!ModelUri.TryParse(uri, out _))
        {
            return Problems.BadRequest($"'uri' must be models:/{{name}}/{{version}} or models:/{{name}}@{{alias}}; got '{uri}'.");
        }

        return await Guarded(async () => Results.Json(await registry.ResolveAsync(project, uri!, request.HttpContext.RequestAborted), DataEngineeringJson.Options));
    }

    public async Task<IResult> CompareAsync(HttpRequest request, string project, string name)
    {
        if (!this.Authorized(request, Permission.ReadProjects, out _, out IResult? denied))
        {
            return denied;
        }

        if (!TryVersion(request.Query["v1"], out int first) || !TryVersion(request.Query["v2"], out int second))
        {
            return Problems.BadRequest("'v1' and 'v2' must both be version numbers from 1.");
        }

        return await Guarded(async () => Results.Json(
            await registry.CompareVersionsAsync(project, ModelAliases.ValidateModelName(name), first, second, request.HttpContext.RequestAborted),
            DataEngineeringJson.Options));
    }

    public async Task<IResult> GetCardAsync(HttpRequest request, string project, string name, string version)
    {
        if (!this.Authorized(request, Permission.ReadProjects, out _, out IResult? denied))
        {
            return denied;
        }

        if (!TryVersion(version, out int number))
        {
            return BadVersion(version);
        }

        return await Guarded(async () =>
            await registry.ReadModelCardAsync(project, ModelAliases.ValidateModelName(name), number, request.HttpContext.RequestAborted) is { } card
                ? Results.Text(card, "text/markdown; charset=utf-8")
                : Problems.NotFound($"{ModelUri.ForVersion(name, number)} in project '{project}' has no model card."));
    }

    private static bool TryVersion(string? text, out int version) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version >= 1;

    private static IResult BadVersion(string version) => Problems.BadRequest($"'{version}' is not a version number (from 1).");

    private static IResult NoModel(string project, string name) => Problems.NotFound($"Project '{project}' has no model '{name}'.");

    private static IResult NoVersion(string project, string name, int version) =>
        Problems.NotFound($"{ModelUri.ForVersion(name, version)} does not exist in project '{project}'.");

    /// <summary>The registry's exceptions as problems: the conflict and approval cases are expected outcomes, not faults.</summary>
    private static async Task<IResult> Guarded(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (AliasConflictException ex)
        {
            return Problems.Conflict(ex.Message);
        }
        catch (ApprovalRequiredException ex)
        {
            return Problems.Refused(ex.Message, ex.Missing);
        }
        catch (SeparationOfDutiesException ex)
        {
            return Problems.Refused(ex.Message);
        }
        catch (KeyNotFoundException ex)
        {
            return Problems.NotFound(ex.Message);
        }
        catch (ArgumentException ex)
        {
            return Problems.BadRequest(ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            // Nothing earlier to roll back to, or no registered policy: the request cannot apply to the current state.
            return Problems.Conflict(ex.Message);
        }
    }

    private bool Authorized(
        HttpRequest request, Permission permission,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CallerIdentity? caller,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out IResult? denied)
    {
        ArgumentNullException.ThrowIfNull(request);
        return guard.TryAuthorize(request, permission, out caller, out denied);
    }
}
