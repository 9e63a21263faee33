using MLOps.Core.Serving.Endpoints;

namespace MLOps.UnitTests.Core.Serving;

/// <summary>An endpoint store in memory, conditional on the revision as the table store is, that counts its writes.</summary>
internal sealed class InMemoryEndpointStore : IEndpointStore
{
    private readonly Dictionary<(string, string), ServingEndpoint> endpoints = [];

    public int Saves { get; private set; }

    /// <summary>Called before each save is checked, so a test can slip in a concurrent change.</summary>
    public Action? BeforeSave { get; set; }

    /// <summary>Another writer's change: the stored endpoint moves to its next revision.</summary>
    public void ChangeConcurrently(string project, string name, string by)
    {
        ServingEndpoint stored = this.endpoints[(project, name)];
        this.endpoints[(project, name)] = stored with { Revision = stored.Revision + 1, UpdatedBy = by };
    }

    public Task<ServingEndpoint?> GetAsync(string project, string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(this.endpoints.GetValueOrDefault((project, name)));

    public Task<IReadOnlyList<ServingEndpoint>> ListAsync(string project, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ServingEndpoint>>([.. this.endpoints.Values.Where(e => e.Project == project)]);

    public Task<ServingEndpoint> SaveAsync(ServingEndpoint endpoint, int basedOn, CancellationToken cancellationToken = default)
    {
        this.BeforeSave?.Invoke();
        int stored = this.endpoints.GetValueOrDefault((endpoint.Project, endpoint.Name))?.Revision ?? 0;
        if (stored != basedOn)
        {
            throw new EndpointConflictException($"at revision {stored}, not {basedOn}");
        }

        ServingEndpoint next = endpoint with { Revision = basedOn + 1 };
        this.endpoints[(endpoint.Project, endpoint.Name)] = next;
        this.Saves++;
        return Task.FromResult(next);
    }
}
