using Microsoft.AspNetCore.Http;
using MLOps.Core.DataEngineering;
using MLOps.Core.Registry;
using MLOps.Core.Security;

namespace MLOps.Triggers.Http;

/// <summary>
/// The write side: <c>PUT …/models/{name}/aliases/{alias}</c>, <c>POST …/aliases/{alias}/rollback</c>,
/// <c>GET …/aliases/{alias}/history</c> and <c>POST …/versions/{version}/approval</c>. The principal and roles
/// always come from the authenticated key, never from the body, so nobody can approve in another's name.
/// </summary>
public sealed partial class ModelRegistryHttpApi
{
    public async Task<IResult> MoveAliasAsync(HttpRequest request, string project, string name, string alias)
    {
        if (!this.Authorized(request, Permission.ManageModels, out CallerIdentity? caller, out IResult? denied))
        {
            return denied;
        }

        (AliasMoveBody? body, IResult? problem) = await JsonBody.ReadAsync<AliasMoveBody>(request, options.Value.MaxBodyBytes);
        if (body is null)
        {
            return problem!;
        }

        return await Guarded(async () => Results.Json(
            await registry.MoveAliasAsync(
                project, ModelAliases.ValidateModelName(name), ModelAliases.Validate(alias), body.Version, caller.Principal, body.ExpectedCurrent, body.Reason,
                request.HttpContext.RequestAborted),
            DataEngineeringJson.Options));
    }

    public async Task<IResult> RollbackAliasAsync(HttpRequest request, string project, string name, string alias)
    {
        if (!this.Authorized(request, Permission.ManageModels, out CallerIdentity? caller, out IResult? denied))
        {
            return denied;
        }

        (AliasRollbackBody? body, IResult? problem) = await JsonBody.ReadAsync<AliasRollbackBody>(request, options.Value.MaxBodyBytes);
        if (body is null)
        {
            return problem!;
        }

        return await Guarded(async () => Results.Json(
            await registry.RollbackAliasAsync(
                project, ModelAliases.ValidateModelName(name), ModelAliases.Validate(alias), caller.Principal, body.Reason, request.HttpContext.RequestAborted),
            DataEngineeringJson.Options));
    }

    public async Task<IResult> AliasHistoryAsync(HttpRequest request, string project, string name, string alias)
    {
        if (!this.Authorized(request, Permission.ReadProjects, out _, out IResult? denied))
        {
            return denied;
        }

        return await Guarded(async () => Results.Json(
            await registry.AliasHistoryAsync(project, ModelAliases.ValidateModelName(name), ModelAliases.Validate(alias), request.HttpContext.RequestAborted),
            DataEngineeringJson.Options));
    }

    public async Task<IResult> SetApprovalAsync(HttpRequest request, string project, string name, string version)
    {
        if (!this.Authorized(request, Permission.ApproveModels, out CallerIdentity? caller, out IResult? denied))
        {
            return denied;
        }

        if (!TryVersion(version, out int number))
        {
            return BadVersion(version);
        }

        (ApprovalBody? body, IResult? problem) = await JsonBody.ReadAsync<ApprovalBody>(request, options.Value.MaxBodyBytes);
        if (body is null)
        {
            return problem!;
        }

        return await Guarded(async () => Results.Json(
            await registry.SetApprovalAsync(
                project, ModelAliases.ValidateModelName(name), number, body.Status, caller.Principal, [.. caller.Roles], body.Reason,
                request.HttpContext.RequestAborted),
            DataEngineeringJson.Options));
    }
}
