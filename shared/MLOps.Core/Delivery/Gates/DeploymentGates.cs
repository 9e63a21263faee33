using Microsoft.Extensions.Logging;
using MLOps.Core.Labels;
using MLOps.Core.Serving.RequestLog;

namespace MLOps.Core.Delivery.Gates;

/// <summary>
/// The gates over the request log: reads the window's entries of the endpoint, the labels observed since the
/// window opened (outcomes arrive after predictions) when there is a baseline to compare them with, and leaves the
/// judgement to <see cref="GateRules"/>.
/// </summary>
public sealed class DeploymentGates(IRequestLog requestLog, ILabelStore labels, ILogger<DeploymentGates> logger) : IDeploymentGates
{
    public async Task<GateVerdict> EvaluateAsync(GateWindow window, GateBounds bounds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (string.Equals(window.Candidate, window.Baseline, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Deployment {window.Candidate} cannot be its own baseline.", nameof(window));
        }

        var entries = new List<RequestLogEntry>();
        await foreach (RequestLogEntry entry in requestLog.ReadAsync(window.Project, window.Endpoint, window.From, window.To, cancellationToken))
        {
            entries.Add(entry);
        }

        var known = new List<GroundTruthLabel>();
        if (window.Baseline is not null)
        {
            await foreach (GroundTruthLabel label in labels.ReadAsync(window.Project, window.Endpoint, window.From, null, cancellationToken))
            {
                known.Add(label);
            }
        }

        DeploymentSample candidate = DeploymentSample.Of(window.Candidate, entries, withMirrors: true, known);
        DeploymentSample? baseline = window.Baseline is { } b ? DeploymentSample.Of(b, entries, withMirrors: false, known) : null;
        GateVerdict verdict = GateRules.Judge(candidate, baseline, bounds);
        logger.LogInformation(
            "Gates of {Project}/{Endpoint} {Candidate} against {Baseline} from {From:o} to {To:o}: {Outcome}. {Summary}",
            window.Project, window.Endpoint, window.Candidate, window.Baseline ?? "(none)", window.From, window.To, verdict.Outcome, verdict.Summary);
        return verdict;
    }
}
