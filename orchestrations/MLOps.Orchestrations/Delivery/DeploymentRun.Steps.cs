using System.Globalization;
using Microsoft.DurableTask;
using MLOps.Activities.Delivery;
using MLOps.Core.Delivery;
using MLOps.Core.Delivery.AbTesting;
using MLOps.Core.Delivery.Gates;
using MLOps.Core.Events;
using MLOps.Core.Serving.Endpoints;

namespace MLOps.Orchestrations.Delivery;

/// <summary>An endpoint's rollout: each step's table applied, baked on a durable timer and gated; an A/B step held until the judge decides.</summary>
internal sealed partial class DeploymentRun
{
    private async Task<StepResult> RolloutAsync(EndpointRollout endpoint)
    {
        for (int i = 0; i < endpoint.Plan.Steps.Count; i++)
        {
            RolloutStep step = endpoint.Plan.Steps[i];
            IReadOnlyList<TrafficWeight> table = step.Table(this.Candidate.Digest, endpoint.Baseline?.Digest);
            this.Show(this.progress with { Stage = "rollout", Endpoint = endpoint.Endpoint, Step = step.Name, Weights = table, BakeEndsAt = null, Detail = endpoint.Plan.Description });

            // Counted as changed before the call when there is a previous deployment (putting it back is harmless), else
            // only once applied: an endpoint that served nothing and was not changed has nothing to roll back.
            if (endpoint.Baseline is not null)
            {
                this.Changed(endpoint);
            }

            try
            {
                await context.CallActivityAsync<int>(
                    nameof(ApplyTrafficActivity),
                    new TrafficChange(this.resolved.Project, endpoint.Endpoint, table, context.InstanceId, $"{endpoint.Plan.Kind} step '{step.Name}'"),
                    Retry);
            }
            catch (TaskFailedException e)
            {
                return StepResult.Failed($"endpoint '{endpoint.Endpoint}', step '{step.Name}': the table {DeploymentActions.Describe(table)} was not applied: {e.FailureDetails.ErrorMessage}");
            }

            this.Changed(endpoint);
            DateTimeOffset from = this.Now;
            StepResult result = step.Mode == StepMode.Experiment
                ? await this.ExperimentAsync(endpoint, step, from, endpoint.Plan.AbTest!)
                : await this.BakeAsync(endpoint, step, from);
            if (result.End != StepEnd.Passed)
            {
                return result;
            }

            this.progress = this.progress with { Completed = this.progress.Completed + 1 };
            StepVerdict? verdict = this.verdicts.LastOrDefault(v => v.Endpoint == endpoint.Endpoint && v.Step == step.Name);
            await this.NotifyAsync(
                PlatformEventTypes.DeploymentStepCompleted, string.Create(CultureInfo.InvariantCulture, $"step/{endpoint.Endpoint}/{i}"), endpoint, step.Name,
                verdict?.Gates ?? [], $"{DeploymentActions.Describe(table)} baked and passed: {verdict?.Summary ?? "no gates"}");
        }

        return StepResult.Passed;
    }

    /// <summary>Bakes, then judges the gates over the step's window; too few requests extends the bake, at most <see cref="DeploymentRequest.MaxBakeExtensions"/> times.</summary>
    private async Task<StepResult> BakeAsync(EndpointRollout endpoint, RolloutStep step, DateTimeOffset from)
    {
        DateTimeOffset end = from.AddSeconds(step.BakeSeconds);
        for (int extensions = 0; ; extensions++)
        {
            this.Show(this.progress with { BakeEndsAt = end });
            await context.CreateTimer(end.UtcDateTime, CancellationToken.None);
            if (!step.Gates)
            {
                return StepResult.Passed;
            }

            (GateVerdict? verdict, StepResult? error) = await this.JudgeGatesAsync(endpoint, step, from, end);
            if (verdict is null)
            {
                return error!;
            }

            if (verdict.Outcome == GateOutcome.InsufficientData && extensions < input.MaxBakeExtensions)
            {
                end = end.AddSeconds(step.BakeSeconds);
                continue;
            }

            StepVerdict judged = this.Record(endpoint, step, verdict, extensions);
            return verdict.Outcome switch
            {
                GateOutcome.Passed => StepResult.Passed,
                GateOutcome.InsufficientData => StepResult.Failed(
                    string.Create(CultureInfo.InvariantCulture,
                        $"endpoint '{endpoint.Endpoint}', step '{step.Name}': too few requests to judge ({verdict.CandidateRequests} for the new package) after {extensions} extended bakes, which counts as a failed gate: {verdict.Summary}"),
                    verdict.Gates),
                _ => StepResult.Failed($"endpoint '{endpoint.Endpoint}', step '{step.Name}': gate failed: {Failures(verdict)}", judged.Gates),
            };
        }
    }

    /// <summary>Holds an A/B split, judging the gates (safety) and the test every bake until the test decides or the maximum duration passes.</summary>
    private async Task<StepResult> ExperimentAsync(EndpointRollout endpoint, RolloutStep step, DateTimeOffset from, AbSettings settings)
    {
        DateTimeOffset deadline = from.AddSeconds(step.MaxDurationSeconds ?? RolloutDefaults.AbMaxDurationSeconds);
        DateTimeOffset end = from;
        while (true)
        {
            end = Min(end.AddSeconds(step.BakeSeconds), deadline);
            this.Show(this.progress with { BakeEndsAt = end });
            await context.CreateTimer(end.UtcDateTime, CancellationToken.None);
            (GateVerdict? verdict, StepResult? error) = await this.JudgeGatesAsync(endpoint, step, from, end);
            if (verdict is null)
            {
                return error!;
            }

            this.verdicts.RemoveAll(v => v.Endpoint == endpoint.Endpoint && v.Step == step.Name);
            StepVerdict judged = this.Record(endpoint, step, verdict, 0);
            if (verdict.Outcome == GateOutcome.Failed)
            {
                return StepResult.Failed($"endpoint '{endpoint.Endpoint}', step '{step.Name}': gate failed during the A/B test: {Failures(verdict)}", judged.Gates);
            }

            AbDecision decision;
            try
            {
                decision = await context.CallActivityAsync<AbDecision>(
                    nameof(JudgeAbTestActivity),
                    new AbCheck(new AbWindow(this.resolved.Project, endpoint.Endpoint, endpoint.Baseline!.DeploymentId, this.Candidate.DeploymentId, from, end), settings),
                    Retry);
            }
            catch (TaskFailedException e)
            {
                return StepResult.Failed($"endpoint '{endpoint.Endpoint}', step '{step.Name}': the A/B test could not be judged: {e.FailureDetails.ErrorMessage}");
            }

            this.Show(this.progress with { Detail = $"A/B test ({decision.Test}): {decision.Outcome}, {decision.Detail}" });
            switch (decision.Outcome)
            {
                case AbOutcome.TreatmentWins:
                    return StepResult.Passed;
                case AbOutcome.ControlWins:
                    return StepResult.Discard($"the A/B test on '{endpoint.Endpoint}' decided for the current deployment ({decision.Test}, p = {Number(decision.PValue)}): {decision.Detail}");
                default:
                    if (end >= deadline)
                    {
                        return StepResult.Discard(
                            $"the A/B test on '{endpoint.Endpoint}' was undecided after {Seconds(step.MaxDurationSeconds ?? RolloutDefaults.AbMaxDurationSeconds)} ({decision.ControlSamples} control and {decision.TreatmentSamples} treatment outcomes): {decision.Detail}");
                    }

                    break;
            }
        }
    }

    /// <summary>The gates' verdict, or the failed result when they could not be judged at all (which rolls back: nothing was shown safe).</summary>
    private async Task<(GateVerdict? Verdict, StepResult? Error)> JudgeGatesAsync(EndpointRollout endpoint, RolloutStep step, DateTimeOffset from, DateTimeOffset end)
    {
        try
        {
            GateVerdict verdict = await context.CallActivityAsync<GateVerdict>(
                nameof(EvaluateGatesActivity),
                new GateCheck(new GateWindow(this.resolved.Project, endpoint.Endpoint, this.Candidate.DeploymentId, endpoint.Baseline?.DeploymentId, from, end), this.resolved.Gates),
                Retry);
            return (verdict, null);
        }
        catch (TaskFailedException e)
        {
            return (null, StepResult.Failed($"endpoint '{endpoint.Endpoint}', step '{step.Name}': the gates could not be judged: {e.FailureDetails.ErrorMessage}"));
        }
    }

    private StepVerdict Record(EndpointRollout endpoint, RolloutStep step, GateVerdict verdict, int extensions)
    {
        GateOutcome outcome = verdict.Outcome == GateOutcome.InsufficientData && step.Mode == StepMode.Bake ? GateOutcome.Failed : verdict.Outcome;
        var judged = new StepVerdict(
            endpoint.Endpoint, step.Name, outcome, verdict.Summary, verdict.Gates, verdict.CandidateRequests, verdict.BaselineRequests, extensions, this.Now);
        this.verdicts.Add(judged);
        this.Show(this.progress);
        return judged;
    }

    private void Changed(EndpointRollout endpoint)
    {
        if (!this.changed.Contains(endpoint.Endpoint))
        {
            this.changed.Add(endpoint.Endpoint);
        }
    }

    /// <summary>The judged gates that failed, each with its figure and bound.</summary>
    private static string Failures(GateVerdict verdict)
    {
        GateFigure[] failed = [.. verdict.Gates.Where(g => g.Judged && !g.Passed)];
        return failed.Length == 0
            ? verdict.Summary
            : string.Join("; ", failed.Select(g => $"{g.Gate} {Number(g.Figure)} (bound {Number(g.Bound)}{(g.BaselineFigure is { } b ? $", current deployment {Number(b)}" : string.Empty)}): {g.Detail}"));
    }

    private static string Number(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "n/a";

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}
