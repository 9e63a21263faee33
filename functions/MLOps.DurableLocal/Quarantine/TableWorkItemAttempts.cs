using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace MLOps.DurableLocal.Quarantine;

/// <summary>
/// <see cref="IWorkItemAttempts"/> in an Azure Table beside the task hub's own (<c>{hub}Attempts</c>): one entity per
/// work item listing the incarnations (machine, process id and start time) that began it. The usual path costs two
/// table operations per item: an insert when it begins, a delete when it ends.
/// </summary>
public sealed class TableWorkItemAttempts(TableClient table, string hostIncarnation) : IWorkItemAttempts
{
    private const string HostsProperty = "Hosts";
    private const string KeyProperty = "Item";

    /// <summary>This process: a restarted host is a new incarnation even with a recycled process id.</summary>
    public static string CurrentIncarnation { get; } = string.Create(
        CultureInfo.InvariantCulture,
        $"{Environment.MachineName}:{Environment.ProcessId}:{Process.GetCurrentProcess().StartTime.ToUniversalTime().Ticks}");

    public static string TableNameFor(string taskHub) => $"{taskHub}Attempts";

    private volatile bool created;

    public async Task<int> BeginAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!this.created)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
            this.created = true;
        }

        string partition = PartitionOf(key);
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                await table.AddEntityAsync(new TableEntity(partition, string.Empty) { [HostsProperty] = hostIncarnation, [KeyProperty] = Shorten(key) }, cancellationToken);
                return 0;
            }
            catch (RequestFailedException ex) when (ex.Status == 409 && attempt < 5)
            {
                // Begun before: by a host that died, or by this one (a redelivery while it still runs).
            }

            NullableResponse<TableEntity> found = await table.GetEntityIfExistsAsync<TableEntity>(partition, string.Empty, cancellationToken: cancellationToken);
            if (!found.HasValue)
            {
                continue;
            }

            TableEntity entity = found.Value!;
            List<string> hosts = [.. (entity.GetString(HostsProperty) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)];
            int others = hosts.Count(h => h != hostIncarnation);
            if (hosts.Contains(hostIncarnation))
            {
                return others;
            }

            entity[HostsProperty] = string.Join(',', [.. hosts, hostIncarnation]);
            try
            {
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return others;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412 && attempt < 5)
            {
                // Another host changed or ended it meanwhile: read again.
            }
        }
    }

    public async Task EndAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            await table.DeleteEntityAsync(PartitionOf(key), string.Empty, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already ended.
        }
    }

    // Keys hold instance ids and activity names: hashed, they always fit a PartitionKey.
    private static string PartitionOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Shorten(string key) => key.Length <= 1024 ? key : key[..1024];
}
