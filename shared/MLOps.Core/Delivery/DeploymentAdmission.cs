using MLOps.Core.Pipelines;

namespace MLOps.Core.Delivery;

/// <summary>
/// At the door of the continuous-deployment pipeline: everything the run's first step will check (a registered
/// project, a package that passed continuous integration, a strategy the endpoints can carry out), so a request that
/// cannot run is a 400 naming the field rather than a run that fails later. The run checks again: state changes.
/// </summary>
public sealed class DeploymentAdmission(DeploymentResolver resolver) : IAdmissionCheck
{
    public Type InputType => typeof(DeploymentRequest);

    public async Task<IReadOnlyList<string>> CheckAsync(object input, CancellationToken cancellationToken = default)
    {
        try
        {
            await resolver.ResolveAsync((DeploymentRequest)input, cancellationToken);
            return [];
        }
        catch (DeploymentRefusedException e)
        {
            return [$"{e.Field ?? "package"}: {e.Message}"];
        }
    }
}
