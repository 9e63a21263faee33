using Microsoft.DurableTask;
using MLOps.Core.Delivery;
using MLOps.Core.Events;
using MLOps.Core.Registry;

namespace MLOps.Orchestrations.Delivery;

/// <summary>The approval wait: one durable wait for the decision, raced first against the escalation timer, then against the deadline.</summary>
internal sealed partial class DeploymentRun
{
    /// <summary>Null once approved; else why the run ends (rejected, or no decision by the deadline).</summary>
    private async Task<string?> AwaitApprovalAsync(ApprovalRequirement requirement)
    {
        DateTimeOffset start = this.Now;
        DateTimeOffset escalatesAt = start.AddSeconds(input.Escalation);
        DateTimeOffset deadline = start.AddSeconds(input.Deadline);
        string version = $"{requirement.Model} v{requirement.Version}";
        var awaited = new AwaitedApproval(requirement.Project, requirement.Model, requirement.Version, requirement.Role, escalatesAt, deadline, Escalated: false);
        using var waiting = new CancellationTokenSource();
        Task<DeploymentApproval> decision = context.WaitForExternalEvent<DeploymentApproval>(DeploymentApproval.EventName, waiting.Token);
        while (true)
        {
            this.Show(this.progress with { Stage = DeploymentProgress.ApprovalStage, Approval = awaited, Detail = $"waiting for a {requirement.Role} to approve {version} (POST /api/pipelines/cd/{context.InstanceId}/approvals)" });
            using var timing = new CancellationTokenSource();
            Task timer = context.CreateTimer((awaited.Escalated ? deadline : escalatesAt).UtcDateTime, timing.Token);
            if (await Task.WhenAny(decision, timer) == decision)
            {
                timing.Cancel();
                DeploymentApproval approval = await decision;

                // The approvals route refuses these before they are sent; one that got here anyway does not count.
                if (ApprovalRules.Refusal(requirement, approval.Principal, approval.Roles) is not null)
                {
                    decision = context.WaitForExternalEvent<DeploymentApproval>(DeploymentApproval.EventName, waiting.Token);
                    continue;
                }

                this.progress = this.progress with { Approval = null };
                return approval.Decision == ApprovalStatus.Approved
                    ? null
                    : $"the release of {version} was rejected by {approval.Principal}: {approval.Reason}";
            }

            if (awaited.Escalated)
            {
                waiting.Cancel();
                return $"no {requirement.Role} approved {version} by the deadline ({input.Deadline} s after the request, {deadline:O})";
            }

            awaited = awaited with { Escalated = true };
            await this.NotifyAsync(
                PlatformEventTypes.ApprovalEscalated, "approval-escalated", this.resolved.Endpoints[0], null, [],
                $"no {requirement.Role} has approved {version} within {Seconds(input.Escalation)}; the run waits until {deadline:O}, then rolls back");
        }
    }
}
