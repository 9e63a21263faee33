using System.Globalization;
using Microsoft.DurableTask;
using MLOps.Activities.Delivery;
using MLOps.Core.Delivery;
using MLOps.Core.Delivery.Gates;
using MLOps.Orchestrations.Platform;

namespace MLOps.Orchestrations.Delivery;

/// <summary>
/// One run of <see cref="ContinuousDeploymentOrchestrator"/>: its state (the resolved deployment, the endpoints it
/// changed, the gate verdicts so far) and the status it shows. Approval is in <c>DeploymentRun.Approval.cs</c>, the
/// steps in <c>DeploymentRun.Steps.cs</c>.
/// </summary>
internal sealed partial class DeploymentRun(TaskOrchestrationContext context, DeploymentRequest input)
{
    private static readonly TaskOptions Retry = RetryPolicies.Platform;

    private readonly List<StepVerdict> verdicts = [];
    private readonly List<string> changed = [];
    private ResolvedDeployment resolved = null!;
    private DeploymentProgress progress = new("resolve", 0, 0);

    private DeployedPackage Candidate => this.resolved.Candidate;

    public async Task<DeploymentReport> RunAsync()
    {
        this.Show(this.progress with { Detail = input.Package ?? $"{input.Model} v{input.Version}" });
        this.resolved = await context.CallActivityAsync<ResolvedDeployment>(nameof(ResolveDeploymentActivity), input, Retry);
        this.progress = this.progress with { Total = this.resolved.Endpoints.Where(e => !e.Live).Sum(e => e.Plan.Steps.Count) };
        if (this.resolved.AlreadyLive)
        {
            return this.End(DeploymentOutcome.AlreadyLive, "already-live", $"{this.Candidate} already serves {Endpoints(this.resolved.Endpoints)} alone and is champion; nothing changed.");
        }

        if (this.resolved.Approval is { } requirement && await this.AwaitApprovalAsync(requirement) is { } refusal)
        {
            throw await this.RollBackAsync(refusal, []);
        }

        foreach (EndpointRollout endpoint in this.resolved.Endpoints.Where(e => !e.Live))
        {
            StepResult result = await this.RolloutAsync(endpoint);
            if (result.End == StepEnd.Failed)
            {
                throw await this.RollBackAsync(result.Reason, result.Gates);
            }

            if (result.End == StepEnd.Discard)
            {
                return await this.DiscardAsync(result.Reason);
            }
        }

        return this.resolved.Endpoints[0].Plan.Finish == RolloutFinish.Discard
            ? await this.DiscardAsync($"the shadow of {this.Candidate} compared without a failed gate; a shadow without a continuation promotes nothing")
            : await this.PromoteAsync();
    }

    private async Task<DeploymentReport> PromoteAsync()
    {
        this.Show(this.progress with { Stage = "promote", Step = null, BakeEndsAt = null, Detail = $"champion -> v{this.Candidate.Version}" });
        PromotionRecord promotion;
        try
        {
            promotion = await context.CallActivityAsync<PromotionRecord>(
                nameof(PromoteDeploymentActivity),
                new PromotionRequest(context.InstanceId, this.resolved.Project, this.Candidate, this.resolved.Endpoints, this.resolved.Champion),
                Retry);
        }
        catch (TaskFailedException e)
        {
            throw await this.RollBackAsync($"the promotion failed: {e.FailureDetails.ErrorMessage}", []);
        }

        string retired = promotion.Retired.Count == 0 ? string.Empty : $", retired {string.Join(", ", promotion.Retired)}";
        return this.End(DeploymentOutcome.Promoted, "promoted", string.Create(CultureInfo.InvariantCulture,
            $"{this.Candidate} promoted on {Endpoints(this.resolved.Endpoints)} ({this.resolved.Strategy.Kind}, {this.verdicts.Count} gated steps): champion v{promotion.ChampionFrom?.ToString(CultureInfo.InvariantCulture) ?? "-"} -> v{promotion.ChampionTo}{retired}."),
            promotion.ChampionTo);
    }

    private async Task<DeploymentReport> DiscardAsync(string reason)
    {
        await this.RestoreAsync(reason, [], discard: true);
        return this.End(DeploymentOutcome.Discarded, "discarded", $"{this.Candidate} discarded: {reason}.");
    }

    /// <summary>Rolls back what the run changed and returns the failure to throw, naming why.</summary>
    private async Task<PipelineFailedException> RollBackAsync(string reason, IReadOnlyList<GateFigure> gates)
    {
        RollbackRecord record = await this.RestoreAsync(reason, gates, discard: false);
        string notes = record.Notes.Count == 0 ? string.Empty : $" ({string.Join("; ", record.Notes)})";
        return new PipelineFailedException($"Rolled back {this.Candidate}: {reason}{notes}");
    }

    private async Task<RollbackRecord> RestoreAsync(string reason, IReadOnlyList<GateFigure> gates, bool discard)
    {
        this.Show(this.progress with { Stage = discard ? "discard" : "rollback", BakeEndsAt = null, Approval = null, Detail = reason });
        RollbackRecord record = await context.CallActivityAsync<RollbackRecord>(
            nameof(RollBackDeploymentActivity),
            new RollbackRequest(context.InstanceId, this.resolved.Project, this.Candidate, this.resolved.Endpoints, [.. this.changed], this.resolved.Champion, reason, gates, discard),
            Retry);
        this.Show(this.progress with { Stage = discard ? "discarded" : "rolled-back", Weights = null, Step = null });
        return record;
    }

    private DeploymentReport End(DeploymentOutcome outcome, string stage, string detail, int? championAfter = null)
    {
        this.Show(this.progress with { Stage = stage, Step = null, BakeEndsAt = null, Approval = null, Detail = detail });
        return new DeploymentReport(
            outcome, this.resolved.Project, this.Candidate, [.. this.resolved.Endpoints.Select(e => e.Endpoint)], [.. this.verdicts],
            this.resolved.Champion, championAfter ?? this.resolved.Champion, detail);
    }

    private Task<long> NotifyAsync(string type, string key, EndpointRollout? endpoint, string? step, IReadOnlyList<GateFigure> gates, string detail) =>
        context.CallActivityAsync<long>(
            nameof(RecordDeploymentNoticeActivity),
            new DeploymentNotice(type, context.InstanceId, key, this.resolved.Project, this.Candidate, endpoint?.Endpoint, endpoint?.Baseline, step, gates, detail),
            Retry);

    private void Show(DeploymentProgress next)
    {
        this.progress = next with { Gates = [.. this.verdicts] };
        context.SetCustomStatus(this.progress);
    }

    private static string Endpoints(IReadOnlyList<EndpointRollout> endpoints) => string.Join(" and ", endpoints.Select(e => $"'{e.Endpoint}'"));

    private DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    private static string Seconds(int seconds) => seconds.ToString(CultureInfo.InvariantCulture) + " s";
}
