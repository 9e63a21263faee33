using System.Globalization;
using System.Text;
using MLOps.Core.Serving.Scoring;

namespace MLOps.Core.Serving.Batch;

/// <summary>
/// The predictions file of a batch run, CSV: <c>row</c> (the record's number in the input, from 1), <c>key</c> (the
/// entity key column when the input has it, else the record number, as the data pipeline generates keys),
/// <c>status</c> (<c>scored</c> or <c>refused</c>), <c>score</c>, <c>label</c> and <c>problems</c> (each as
/// <c>column: detail</c>, separated by " | "). Written as one block per chunk plus a header block, committed together.
/// </summary>
public static class BatchOutput
{
    public const string Container = Storage.BlobContainers.Predictions;

    public const string ScoredStatus = "scored";

    public const string RefusedStatus = "refused";

    public static IReadOnlyList<string> Header { get; } = ["row", "key", "status", "score", "label", "problems"];

    /// <summary><c>{project}/{package digest}/{input SHA-256}.csv</c>: the same input scored by the same package has one output.</summary>
    public static string BlobName(string project, string digest, string inputSha256) => $"{project}/{digest}/{inputSha256}.csv";

    /// <summary>Block ids of one blob must share a length: block 0 is the header, block c + 1 chunk c.</summary>
    public static string BlockId(int block) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"b{block:D9}")));

    public static string[] Line(long row, string key, RowResult result) =>
    [
        row.ToString(CultureInfo.InvariantCulture),
        key,
        result.Status == RowResult.Scored ? ScoredStatus : RefusedStatus,
        result.Score is { } score ? score.ToString(CultureInfo.InvariantCulture) : string.Empty,
        result.Label ?? string.Empty,
        string.Join(" | ", (result.Problems ?? []).Select(p => $"{p.Column}: {p.Detail}")),
    ];
}
