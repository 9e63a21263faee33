using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using MLOps.Core.Audit;
using MLOps.Core.Delivery;
using MLOps.Core.Pipelines;
using MLOps.Core.Registry;
using MLOps.Core.Requirements;
using MLOps.Core.Security;

namespace MLOps.Triggers.Http;

/// <summary>
/// <c>POST /api/pipelines/cd/{id}/approvals</c>: an approver's decision on a continuous-deployment run that waits for
/// one. The caller's roles (from the key, never the body) must include the role the project's approval policy names,
/// and under separation of duties the caller must not be the version's author: a refusal is a 403 problem, audited,
/// and reaches neither the registry nor the run. An accepted decision is recorded on the version in the registry
/// (what the champion gate checks), audited, and raised to the run.
/// </summary>
public sealed class DeploymentHttpApi(
    IApprovalPolicySource policies, IModelRegistry registry, RequestGuard guard, IAuditLog audit, IOptions<HttpApiOptions> options)
{
    private static readonly JsonSerializerOptions StatusJson = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public async Task<IResult> DecideAsync(HttpRequest request, string id, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);

        // Any known caller may ask; who may decide is the policy's question below, so a refusal is audited.
        if (!guard.TryAuthorize(request, Permission.ReadInstances, out CallerIdentity? caller, out IResult? denied))
        {
            return denied;
        }

        (ApprovalDecisionBody? body, IResult? problem) = await JsonBody.ReadAsync<ApprovalDecisionBody>(request, options.Value.MaxBodyBytes);
        if (body is null)
        {
            return problem!;
        }

        CancellationToken cancel = request.HttpContext.RequestAborted;
        OrchestrationMetadata? run = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancel);
        if (run is null || run.Name != OrchestratorNames.ContinuousDeployment)
        {
            return Problems.NotFound($"There is no {PipelineNames.ContinuousDeployment} run '{id}'.");
        }

        AwaitedApproval? awaited = Awaited(run);
        if (run.IsCompleted || awaited is null)
        {
            return Problems.Conflict($"The {PipelineNames.ContinuousDeployment} run '{id}' is not waiting for an approval ({(run.IsCompleted ? run.RuntimeStatus.ToString() : "its stage is not 'approval'")}).");
        }

        ApprovalRequirement requirement;
        try
        {
            requirement = await this.RequirementAsync(awaited, cancel);
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException)
        {
            return Problems.Conflict(e.Message);
        }

        string target = $"{PipelineNames.ContinuousDeployment}/{id}: {ModelUri.ForVersion(requirement.Model, requirement.Version)} ({requirement.Project})";
        if (ApprovalRules.Refusal(requirement, caller.Principal, caller.Roles) is { } refusal)
        {
            await audit.AppendAsync(new AuditEntry(caller.Principal, "deployment.approval.refused", target, AuditHashing.Sha256(body.Reason), refusal), cancel);
            return Problems.Refused(refusal);
        }

        try
        {
            await registry.SetApprovalAsync(
                requirement.Project, requirement.Model, requirement.Version, body.Decision, caller.Principal, [.. caller.Roles], body.Reason, cancel);
        }
        catch (SeparationOfDutiesException e)
        {
            // The registry audited it; the policy changed between our check and its write.
            return Problems.Refused(e.Message);
        }

        var decision = new DeploymentApproval(body.Decision, caller.Principal, [.. caller.Roles.Order()], body.Reason);
        await client.RaiseEventAsync(id, DeploymentApproval.EventName, decision, cancel);
        await audit.AppendAsync(
            new AuditEntry(caller.Principal, "deployment.approval", target, AuditHashing.Sha256(body.Reason), $"{body.Decision} by {caller.Principal}: {body.Reason}"),
            cancel);
        return Results.Accepted(value: new { instanceId = id, decision = body.Decision.ToString(), principal = caller.Principal });
    }

    /// <summary>The requirement as the project's policy and the version say now, not as the run read them when it started.</summary>
    private async Task<ApprovalRequirement> RequirementAsync(AwaitedApproval awaited, CancellationToken cancellationToken)
    {
        ApprovalPolicy policy = await policies.GetPolicyAsync(awaited.Project, cancellationToken);
        ModelVersion version = await registry.GetVersionAsync(awaited.Project, awaited.Model, awaited.Version, cancellationToken)
            ?? throw new KeyNotFoundException($"{ModelUri.ForVersion(awaited.Model, awaited.Version)} ({awaited.Project}) is no longer a committed version.");
        Role role = policy.RequiresHumanApproval ? policy.ProductionApprovers[0] : awaited.Role;
        return new ApprovalRequirement(awaited.Project, awaited.Model, awaited.Version, role, version.CreatedBy, policy.SeparationOfDuties, policy.Tier);
    }

    /// <summary>The approval the run's status says it waits for; null when it waits for none.</summary>
    private static AwaitedApproval? Awaited(OrchestrationMetadata run)
    {
        if (string.IsNullOrEmpty(run.SerializedCustomStatus))
        {
            return null;
        }

        try
        {
            DeploymentProgress? progress = JsonSerializer.Deserialize<DeploymentProgress>(run.SerializedCustomStatus, StatusJson);
            return progress?.Stage == DeploymentProgress.ApprovalStage ? progress.Approval : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
