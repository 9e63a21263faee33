using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using MLOps.Core.Storage;

namespace MLOps.Core.Labels;

/// <summary>
/// Labels in the <c>labels</c> table: partition <c>{project}.{endpoint}</c> (slugs hold no '.', so it is
/// unambiguous), row key the escaped <see cref="LabelIdentity"/>, the label's fields as properties so a window is a
/// query on <c>Time</c>. An append is an Add, which the table refuses when the identity exists: then the stored
/// label decides between a redelivery (same label) and a conflict.
/// </summary>
public sealed class TableLabelStore(TableServiceClient tables) : ILabelStore
{
    public const string TableName = "labels";

    private readonly EnsuredTable table = new(tables.GetTableClient(TableName));

    public async Task<LabelAppend> AppendAsync(GroundTruthLabel label, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(label);
        IReadOnlyList<string> problems = LabelRules.Problems(label);
        if (problems.Count > 0)
        {
            throw new ArgumentException("The label is not valid: " + string.Join("; ", problems), nameof(label));
        }

        TableClient client = await this.table.GetAsync(cancellationToken);
        var row = new TableEntity(Partition(label.Project, label.Endpoint), TableKeys.Escape(LabelIdentity.Of(label)))
        {
            ["Label"] = label.Label,
            ["Time"] = label.Time.ToUniversalTime(),
            ["RequestId"] = label.RequestId,
            ["Row"] = label.RequestId is null ? null : label.Row ?? 0,
            ["Key"] = label.Key,
        };
        try
        {
            await client.AddEntityAsync(row, cancellationToken);
            return LabelAppend.Added;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            TableEntity stored = (await client.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken)).Value;
            string existing = stored.GetString("Label");
            if (string.Equals(existing, label.Label, StringComparison.Ordinal))
            {
                return LabelAppend.AlreadyPresent;
            }

            throw new LabelConflictException(
                $"{LabelIdentity.Describe(label)} of {label.Project}/{label.Endpoint} is already labelled '{existing}'; labels are write-once, so '{label.Label}' is not recorded.", e);
        }
    }

    public async IAsyncEnumerable<GroundTruthLabel> ReadAsync(
        string project, string endpoint, DateTimeOffset? from = null, DateTimeOffset? to = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        TableClient client = await this.table.GetAsync(cancellationToken);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(project, endpoint)}");
        if (from is { } start)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Time ge {start.ToUniversalTime()}");
        }

        if (to is { } end)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Time lt {end.ToUniversalTime()}");
        }

        await foreach (TableEntity row in client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return new GroundTruthLabel
            {
                Project = project,
                Endpoint = endpoint,
                RequestId = row.GetString("RequestId"),
                Row = row.GetInt32("Row"),
                Key = row.GetString("Key"),
                Label = row.GetString("Label"),
                Time = row.GetDateTimeOffset("Time")!.Value,
            };
        }
    }

    private static string Partition(string project, string endpoint) => TableKeys.Escape($"{project}.{endpoint}");
}
