using MLOps.Core.Tracking;

namespace MLOps.Core.Experiments;

/// <summary>
/// A trial's outcome as its finished run recorded it. A trial activity delivered again after its run finished
/// (a redelivered queue message, a host that crashed before reporting) returns this instead of training again, so
/// the run is not rewritten and the orchestrator gets the outcome the first execution would have reported: fold
/// scores from the score metric's per-fold history, mean metrics from the keys logged per fold.
/// </summary>
public static class RecordedTrial
{
    /// <summary>The recorded outcome; null when the run does not exist or has not finished.</summary>
    public static TrialOutcome? From(RunRecord? run, TrialRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (run is null || run.Status == RunStatus.Running)
        {
            return null;
        }

        ExperimentPlan plan = request.Plan;
        TrialProposal proposal = request.Proposal;
        if (run.Status == RunStatus.Failed)
        {
            return new TrialOutcome(
                run.RunId, request.Stage, new TrialResult(proposal.TrialNumber, proposal.Algorithm, proposal.Parameters, 0, TrialStatus.Failed),
                new Dictionary<string, double>());
        }

        double[] scores = [.. (run.MetricHistory.GetValueOrDefault(plan.ScoreMetric) ?? []).OrderBy(p => p.Step).Select(p => plan.ScoreOf(p.Value))];
        if (scores.Length == 0)
        {
            throw new InvalidOperationException($"Run '{run.RunId}' finished as {run.Status} without any per-fold {plan.ScoreMetric}; its outcome cannot be read back.");
        }

        var mean = run.MetricHistory.Keys
            .Where(run.Metrics.ContainsKey)
            .ToDictionary(k => k, k => run.Metrics[k], StringComparer.Ordinal);
        TrialStatus status = run.Status == RunStatus.Completed ? TrialStatus.Completed : TrialStatus.Stopped;
        return new TrialOutcome(
            run.RunId, request.Stage, new TrialResult(proposal.TrialNumber, proposal.Algorithm, proposal.Parameters, scores.Average(), status, scores), mean);
    }
}
