using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MLOps.Core.Serving.Scoring;

namespace MLOps.Core.Serving.Endpoints;

/// <summary>
/// Unloads deployments that left an endpoint's routing table, after <see cref="ServingOptions.RetireDrainSeconds"/>:
/// a request that read the table before the change is still routed to the old deployment, and finds it loaded. Best
/// effort, in the background, never failing the change: a deployment the table names again by then is left loaded,
/// an unload a worker does not take only costs memory until it restarts, and a host that stops first leaves it
/// loaded. Should an unload still race a late request, the worker lacks the model and loads it again for that request.
/// </summary>
public sealed class DeploymentRetirement(
    IEndpointStore endpoints,
    IPackageScoring scoring,
    TimeProvider clock,
    IOptions<ServingOptions> options,
    ILogger<DeploymentRetirement> logger) : IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<Task, byte> draining = new();

    /// <summary>Starts the drain of <paramref name="retired"/>, deployments <paramref name="endpoint"/> of <paramref name="project"/> no longer routes to.</summary>
    public void Retire(string project, string endpoint, IReadOnlyList<Deployment> retired)
    {
        ArgumentNullException.ThrowIfNull(retired);
        if (retired.Count == 0 || this.stopping.IsCancellationRequested)
        {
            return;
        }

        CancellationToken token = this.stopping.Token;
        Task drain = Task.Run(() => this.DrainThenUnloadAsync(project, endpoint, retired, token), CancellationToken.None);
        this.draining[drain] = 0;
        drain.ContinueWith(t => this.draining.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Completes when every drain started so far has ended (for shutdown and tests).</summary>
    public Task WhenDrainedAsync() => Task.WhenAll(this.draining.Keys);

    public void Dispose()
    {
        this.stopping.Cancel();
        this.stopping.Dispose();
    }

    private async Task DrainThenUnloadAsync(string project, string endpoint, IReadOnlyList<Deployment> retired, CancellationToken token)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(options.Value.RetireDrainSeconds), clock, token);
            ServingEndpoint? now = await endpoints.GetAsync(project, endpoint, token);
            foreach (Deployment deployment in retired)
            {
                if (now?.Deployments.Any(d => d.Id == deployment.Id) == true)
                {
                    logger.LogInformation("Deployment {Deployment} of {Project}/{Endpoint} is routed to again; it stays loaded.", deployment.Id, project, endpoint);
                    continue;
                }

                await scoring.UnloadAsync(deployment.ServingName(project, endpoint), token);
                logger.LogInformation("Retired deployment {Deployment} of {Project}/{Endpoint} unloaded after its drain.", deployment.Id, project, endpoint);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The host is stopping; a model left loaded goes with the worker.
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not unload the retired deployments of {Project}/{Endpoint}; they stay loaded until the workers restart.", project, endpoint);
        }
    }
}
