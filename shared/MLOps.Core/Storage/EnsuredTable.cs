using Azure.Data.Tables;

namespace MLOps.Core.Storage;

/// <summary>
/// A table created on first use. The flag is set only after a successful creation, so a failed one is tried again
/// by the next call; two first calls racing cost one spare idempotent request, nothing more.
/// </summary>
internal sealed class EnsuredTable(TableClient client)
{
    private volatile bool created;

    public async Task<TableClient> GetAsync(CancellationToken cancellationToken)
    {
        if (!this.created)
        {
            await client.CreateIfNotExistsAsync(cancellationToken);
            this.created = true;
        }

        return client;
    }
}
