using Azure;
using Azure.Data.Tables;
using MLOps.Core.DataEngineering;
using MLOps.Core.Storage;

namespace MLOps.Core.Serving.Endpoints;

/// <summary>
/// Endpoints in the <c>endpoints</c> table: partition = project, row = endpoint name, the record as JSON. A new
/// endpoint is an Add (one of two concurrent creations wins); a change replaces the row under the ETag of the
/// revision it was based on, so a change based on a stale read is refused instead of silently undoing another.
/// </summary>
public sealed class TableEndpointStore(TableServiceClient tables) : IEndpointStore
{
    public const string TableName = "endpoints";

    private readonly EnsuredTable table = new(tables.GetTableClient(TableName));

    public async Task<ServingEndpoint?> GetAsync(string project, string name, CancellationToken cancellationToken = default) =>
        (await this.ReadAsync(project, name, cancellationToken))?.Endpoint;

    public async Task<IReadOnlyList<ServingEndpoint>> ListAsync(string project, CancellationToken cancellationToken = default)
    {
        TableClient client = await this.table.GetAsync(cancellationToken);
        var found = new List<ServingEndpoint>();
        await foreach (TableEntity row in client.QueryAsync<TableEntity>(
            e => e.PartitionKey == TableKeys.Escape(project), cancellationToken: cancellationToken))
        {
            found.Add(From(row));
        }

        return [.. found.OrderBy(e => e.Name, StringComparer.Ordinal)];
    }

    public async Task<ServingEndpoint> SaveAsync(ServingEndpoint endpoint, int basedOn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        TableClient client = await this.table.GetAsync(cancellationToken);
        ServingEndpoint next = endpoint with { Revision = basedOn + 1 };
        var row = new TableEntity(TableKeys.Escape(next.Project), next.Name)
        {
            ["Json"] = DataEngineeringJson.Serialize(next),
            ["Revision"] = next.Revision,
        };
        try
        {
            if (basedOn == 0)
            {
                await client.AddEntityAsync(row, cancellationToken);
                return next;
            }

            (ServingEndpoint Endpoint, ETag ETag)? current = await this.ReadAsync(next.Project, next.Name, cancellationToken);
            if (current is not { } stored || stored.Endpoint.Revision != basedOn)
            {
                throw Conflict(next, basedOn, current?.Endpoint.Revision);
            }

            await client.UpdateEntityAsync(row, stored.ETag, TableUpdateMode.Replace, cancellationToken);
            return next;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw Conflict(next, basedOn, null, ex);
        }
    }

    private async Task<(ServingEndpoint Endpoint, ETag ETag)?> ReadAsync(string project, string name, CancellationToken cancellationToken)
    {
        TableClient client = await this.table.GetAsync(cancellationToken);
        NullableResponse<TableEntity> found = await client.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(project), name, cancellationToken: cancellationToken);
        return found.HasValue ? (From(found.Value!), found.Value!.ETag) : null;
    }

    private static ServingEndpoint From(TableEntity row) => DataEngineeringJson.Deserialize<ServingEndpoint>(row.GetString("Json"));

    private static EndpointConflictException Conflict(ServingEndpoint endpoint, int basedOn, int? stored, Exception? inner = null)
    {
        string now = stored is { } revision ? $"it is at revision {revision}" : "it was changed concurrently";
        string message = basedOn == 0
            ? $"Endpoint '{endpoint.Name}' of '{endpoint.Project}' was created concurrently; read it and try again."
            : $"Endpoint '{endpoint.Name}' of '{endpoint.Project}' is no longer at revision {basedOn}: {now}; read it and try again.";
        return inner is null ? new EndpointConflictException(message) : new EndpointConflictException(message, inner);
    }
}
