using Microsoft.Extensions.Logging;
using MLOps.Core.Labels;
using MLOps.Core.Serving.RequestLog;

namespace MLOps.Core.Delivery.AbTesting;

/// <summary>
/// The A/B test over the request log: each arm's answered entries of the window (an A/B split answers with both
/// arms; mirror copies are not part of it), joined to the labels observed since the window opened, decided by
/// <see cref="AbTestRule"/>.
/// </summary>
public sealed class AbJudge(IRequestLog requestLog, ILabelStore labels, ILogger<AbJudge> logger) : IAbJudge
{
    public async Task<AbDecision> JudgeAsync(AbWindow window, AbSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (string.Equals(window.Control, window.Treatment, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Deployment {window.Control} cannot be both arms of an A/B test.", nameof(window));
        }

        var control = new List<RequestLogEntry>();
        var treatment = new List<RequestLogEntry>();
        await foreach (RequestLogEntry entry in requestLog.ReadAsync(window.Project, window.Endpoint, window.From, window.To, cancellationToken))
        {
            if (entry.MirrorOf is not null)
            {
                continue;
            }

            if (string.Equals(entry.Deployment, window.Control, StringComparison.Ordinal))
            {
                control.Add(entry);
            }
            else if (string.Equals(entry.Deployment, window.Treatment, StringComparison.Ordinal))
            {
                treatment.Add(entry);
            }
        }

        var known = new List<GroundTruthLabel>();
        await foreach (GroundTruthLabel label in labels.ReadAsync(window.Project, window.Endpoint, window.From, null, cancellationToken))
        {
            known.Add(label);
        }

        AbDecision decision = AbTestRule.Decide(LabelledOutcomes.Of(control, known), LabelledOutcomes.Of(treatment, known), settings);
        logger.LogInformation(
            "A/B test of {Project}/{Endpoint} {Control} against {Treatment} from {From:o} to {To:o}: {Outcome}. {Detail}",
            window.Project, window.Endpoint, window.Control, window.Treatment, window.From, window.To, decision.Outcome, decision.Detail);
        return decision;
    }
}
