namespace MLOps.Core.Serving.Endpoints;

/// <summary>Where serving endpoints are kept; every change is conditional on the revision it was based on.</summary>
public interface IEndpointStore
{
    Task<ServingEndpoint?> GetAsync(string project, string name, CancellationToken cancellationToken = default);

    /// <summary>The project's endpoints, by name.</summary>
    Task<IReadOnlyList<ServingEndpoint>> ListAsync(string project, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <paramref name="endpoint"/> as the next revision of its name: created when <paramref name="basedOn"/> is
    /// 0, else replacing revision <paramref name="basedOn"/>. Throws <see cref="EndpointConflictException"/> when the
    /// stored revision is another (a concurrent change won).
    /// </summary>
    Task<ServingEndpoint> SaveAsync(ServingEndpoint endpoint, int basedOn, CancellationToken cancellationToken = default);
}
