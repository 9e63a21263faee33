using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MLOps.Core.Serving.RequestLog;

namespace MLOps.Core.Serving.Scoring;

/// <summary>
/// Scores mirrored copies of answered requests in the background, never in the answer's way: a copy is queued (at
/// most <see cref="ServingOptions.MirrorQueue"/>; a full queue skips the copy, counted) and scored by at most
/// <see cref="ServingOptions.MirrorConcurrency"/> loops on the mirror deployment, exactly as an answer would be, then
/// logged as its own entry: request id <c>{answered id}.mirror</c>, <see cref="RequestLogEntry.MirrorOf"/> the answered
/// id, the mirror's deployment and its own status — a refusal or failure included, which never reaches the answer.
/// The entry keeps the answered request's time, so both fall in the same log window.
/// </summary>
public sealed class RequestMirror(
    DeploymentScoring scoring,
    IRequestLog requestLog,
    ServingMetrics metrics,
    IOptions<ServingOptions> options,
    ILogger<RequestMirror> logger) : IDisposable
{
    public const string IdSuffix = ".mirror";

    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private Channel<MirrorCopy>? queue;

    /// <summary>The request id of the mirrored copy of <paramref name="answeredId"/>.</summary>
    public static string IdOf(string answeredId) => answeredId + IdSuffix;

    /// <summary>Queues <paramref name="copy"/>; false (and counted) when the queue is full or the host is stopping.</summary>
    public bool TryQueue(MirrorCopy copy)
    {
        ArgumentNullException.ThrowIfNull(copy);
        if (this.stopping.IsCancellationRequested || !this.Queue().Writer.TryWrite(copy))
        {
            metrics.Mirrored(copy.Endpoint.Project, copy.Endpoint.Name, copy.Deployment.Id, "skipped");
            return false;
        }

        return true;
    }

    public void Dispose()
    {
        this.stopping.Cancel();
        this.queue?.Writer.TryComplete();
        this.stopping.Dispose();
    }

    private Channel<MirrorCopy> Queue()
    {
        lock (this.gate)
        {
            if (this.queue is null)
            {
                ServingOptions limits = options.Value;
                this.queue = Channel.CreateBounded<MirrorCopy>(new BoundedChannelOptions(limits.MirrorQueue) { FullMode = BoundedChannelFullMode.Wait });
                CancellationToken token = this.stopping.Token;
                for (int i = 0; i < limits.MirrorConcurrency; i++)
                {
                    _ = Task.Run(() => this.RunAsync(this.queue.Reader, token), CancellationToken.None);
                }
            }

            return this.queue;
        }
    }

    private async Task RunAsync(ChannelReader<MirrorCopy> reader, CancellationToken token)
    {
        try
        {
            await foreach (MirrorCopy copy in reader.ReadAllAsync(token))
            {
                await this.MirrorAsync(copy, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The host is stopping: copies still queued are not scored.
        }
    }

    private async Task MirrorAsync(MirrorCopy copy, CancellationToken token)
    {
        string project = copy.Endpoint.Project, endpoint = copy.Endpoint.Name, id = IdOf(copy.AnsweredId);
        if (!await copy.Answered.WaitAsync(token))
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        ScoreOutcome outcome;
        try
        {
            outcome = await scoring.ScoreAsync(id, copy.Endpoint, copy.Deployment, copy.Input, token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
        {
            logger.LogWarning(e, "The mirror of request {RequestId} on {Project}/{Endpoint} failed on {Deployment}.", copy.AnsweredId, project, endpoint, copy.Deployment.Id);
            outcome = ScoreOutcome.Refused(id, 500, $"The mirror deployment could not score the copy: {e.Message}");
        }

        RequestLogEntry entry = ScoreLog.Entry(id, copy.Time, project, endpoint, copy.Deployment, copy.Principal, copy.Input, outcome, watch.Elapsed) with
        {
            MirrorOf = copy.AnsweredId,
        };
        try
        {
            await requestLog.AppendAsync(entry, token);
            metrics.Mirrored(project, endpoint, copy.Deployment.Id, outcome.Status.ToString(CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
        {
            logger.LogWarning(e, "The mirror of request {RequestId} on {Project}/{Endpoint} could not be logged.", copy.AnsweredId, project, endpoint);
            metrics.Mirrored(project, endpoint, copy.Deployment.Id, "unlogged");
        }
    }
}
