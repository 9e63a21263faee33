using System.Security.Cryptography;
using System.Text.Json;

namespace MLOps.Core.Audit;

/// <summary>
/// One link of the audit chain. <see cref="Hash"/> is SHA-256 over the record's other fields, which include the
/// previous record's hash, so editing or removing any record breaks every link after it.
/// </summary>
public sealed record AuditRecord(
    long Sequence,
    DateTimeOffset Timestamp,
    string Actor,
    string Action,
    string Target,
    string? InputsSha256,
    string Outcome,
    string PreviousHash,
    string Hash)
{
    /// <summary>The hash the first record links back to.</summary>
    public static readonly string GenesisHash = new('0', 64);

    public static AuditRecord Create(long sequence, DateTimeOffset timestamp, AuditEntry entry, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var record = new AuditRecord(
            sequence, timestamp, entry.Actor, entry.Action, entry.Target, entry.InputsSha256, entry.Outcome, previousHash, string.Empty);
        return record with { Hash = record.ComputeHash() };
    }

    public string ComputeHash()
    {
        // The canonical form is the JSON of every field but Hash, in declaration order.
        byte[] canonical = JsonSerializer.SerializeToUtf8Bytes(new
        {
            this.Sequence,
            Timestamp = this.Timestamp.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            this.Actor,
            this.Action,
            this.Target,
            this.InputsSha256,
            this.Outcome,
            this.PreviousHash,
        });
        return Convert.ToHexStringLower(SHA256.HashData(canonical));
    }
}
