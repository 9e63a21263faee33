using Microsoft.Extensions.Logging;
using MLOps.Core.Serving.Scoring;

namespace MLOps.Core.Serving.Endpoints;

/// <summary>
/// Points an endpoint at one package (<c>PUT …/endpoints/{endpoint}</c>): a routing table of one, all traffic at
/// once, applied by <see cref="EndpointTrafficService"/> (loaded on the ready workers first, conditional on the
/// revision, audited, the replaced deployment retired after its drain). The package must be committed and of the
/// endpoint's project; what the change refuses is answered as a status with its reason.
/// </summary>
public sealed class EndpointDeployer(EndpointTrafficService traffic, ILogger<EndpointDeployer> logger)
{
    public async Task<DeployOutcome> DeployAsync(
        string project, string name, string digest, int? expectedRevision, string principal, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(digest);
        try
        {
            TrafficOutcome change = await traffic.ChangeAsync(
                project, name, [new TrafficWeight(digest, 100)], principal, "deployed all at once", expectedRevision, cancellationToken);
            return new DeployOutcome(change.Created ? 201 : 200, change.Endpoint, change.LoadedOn);
        }
        catch (KeyNotFoundException e)
        {
            return DeployOutcome.Refused(404, WithoutRow(e.Message));
        }
        catch (ArgumentException e)
        {
            return DeployOutcome.Refused(400, WithoutRow(e.Message));
        }
        catch (Exception e) when (e is PackageRefusedException or EndpointConflictException)
        {
            logger.LogWarning("Endpoint {Project}/{Endpoint} was not pointed at {Package}: {Reason}", project, name, digest, e.Message);
            return DeployOutcome.Refused(409, WithoutRow(e.Message));
        }
    }

    /// <summary>The body of this route names the package as <c>package</c>, not as the table's only row.</summary>
    private static string WithoutRow(string message) => message.Replace("weights[0].package", "package", StringComparison.Ordinal);
}
