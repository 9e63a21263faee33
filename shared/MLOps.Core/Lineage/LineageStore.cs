using System.Text.Json;
using Azure.Data.Tables;
using MLOps.Core.Storage;

namespace MLOps.Core.Lineage;

/// <summary>
/// The lineage graph in one Table, "lineage". Each edge is stored twice: an "out|" row in the partition of its
/// From node and an "in|" row in the partition of its To node, so both upstream and downstream steps are single
/// partition range queries. Rows are keyed by relation and the other node, and written with UpsertReplace, so
/// recording an edge again (a retried activity) replaces the rows instead of adding any.
/// </summary>
public sealed class LineageStore(TableServiceClient tables)
{
    public const string TableName = "lineage";

    private const string Outgoing = "out|";

    private const string Incoming = "in|";

    private readonly EnsuredTable client = new(tables.GetTableClient(TableName));


    public async Task RecordAsync(LineageEdge edge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edge);
        ArgumentException.ThrowIfNullOrWhiteSpace(edge.Relation);
        if (edge.Relation.Contains('|', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The relation '{edge.Relation}' may not contain '|'.", nameof(edge));
        }

        TableClient client = await this.TableAsync(cancellationToken);
        await client.UpsertEntityAsync(ToEntity(edge, forward: true), TableUpdateMode.Replace, cancellationToken);
        await client.UpsertEntityAsync(ToEntity(edge, forward: false), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task RecordAsync(IEnumerable<LineageEdge> edges, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edges);
        foreach (LineageEdge edge in edges)
        {
            await this.RecordAsync(edge, cancellationToken);
        }
    }

    /// <summary>Every edge within maxDepth steps against the data flow (what node was made from), breadth first.</summary>
    public Task<IReadOnlyList<LineageEdge>> UpstreamAsync(LineageNode node, int maxDepth = 16, CancellationToken cancellationToken = default) =>
        this.WalkAsync(node, Incoming, maxDepth, cancellationToken);

    /// <summary>Every edge within maxDepth steps along the data flow (what was made from node), breadth first.</summary>
    public Task<IReadOnlyList<LineageEdge>> DownstreamAsync(LineageNode node, int maxDepth = 16, CancellationToken cancellationToken = default) =>
        this.WalkAsync(node, Outgoing, maxDepth, cancellationToken);

    internal static string PartitionOf(LineageNode node) => TableKeys.Escape(node.ToString());

    private async Task<IReadOnlyList<LineageEdge>> WalkAsync(LineageNode start, string direction, int maxDepth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, 1);
        TableClient client = await this.TableAsync(cancellationToken);
        var edges = new List<LineageEdge>();
        var seenEdges = new HashSet<(LineageNode, LineageNode, string)>();

        // Visited nodes make the walk terminate on cycles; each node is expanded once.
        var visited = new HashSet<LineageNode> { start };
        var frontier = new List<LineageNode> { start };
        for (int depth = 0; depth < maxDepth && frontier.Count > 0; depth++)
        {
            var next = new List<LineageNode>();
            foreach (LineageNode node in frontier)
            {
                string partition = PartitionOf(node);
                string upper = direction[..^1] + "}";
                await foreach (TableEntity row in client.QueryAsync<TableEntity>(
                    TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {direction} and RowKey lt {upper}"),
                    cancellationToken: cancellationToken))
                {
                    LineageEdge edge = FromEntity(row);
                    if (seenEdges.Add(edge.Identity))
                    {
                        edges.Add(edge);
                    }

                    LineageNode other = direction == Incoming ? edge.From : edge.To;
                    if (visited.Add(other))
                    {
                        next.Add(other);
                    }
                }
            }

            frontier = next;
        }

        return edges;
    }

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => this.client.GetAsync(cancellationToken);

    private static TableEntity ToEntity(LineageEdge edge, bool forward)
    {
        LineageNode here = forward ? edge.From : edge.To;
        LineageNode other = forward ? edge.To : edge.From;
        return new TableEntity(PartitionOf(here), (forward ? Outgoing : Incoming) + TableKeys.Escape(edge.Relation) + "|" + TableKeys.Escape(other.ToString()))
        {
            ["FromKind"] = edge.From.Kind,
            ["FromId"] = edge.From.Id,
            ["ToKind"] = edge.To.Kind,
            ["ToId"] = edge.To.Id,
            ["Relation"] = edge.Relation,
            ["RecordedAt"] = edge.RecordedAt,
            ["Attributes"] = edge.Attributes is null ? null : JsonSerializer.Serialize(edge.Attributes),
        };
    }

    private static LineageEdge FromEntity(TableEntity row)
    {
        string? attributes = row.GetString("Attributes");
        return new LineageEdge(
            new LineageNode(row.GetString("FromKind"), row.GetString("FromId")),
            new LineageNode(row.GetString("ToKind"), row.GetString("ToId")),
            row.GetString("Relation"),
            row.GetDateTimeOffset("RecordedAt") ?? DateTimeOffset.MinValue,
            attributes is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(attributes));
    }
}
