using System.Security.Cryptography;
using System.Text.Json;

namespace MLOps.Core.Audit;

/// <summary>
/// One link of the audit chain. <see cref="Hash"/> is SHA-256 over the record's other fields, which include the
/// previous record's hash, so editing or removing any record breaks every link after it. <see cref="EventId"/>
/// (when the entry had one) is covered by the hash too; records without one hash exactly as before it existed.
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

    /// <summary>The event's deterministic identity (<see cref="AuditEntry.EventId"/>); null for records without one.</summary>
    public string? EventId { get; init; }

    public static AuditRecord Create(long sequence, DateTimeOffset timestamp, AuditEntry entry, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var record = new AuditRecord(
            sequence, timestamp, entry.Actor, entry.Action, entry.Target, entry.InputsSha256, entry.Outcome, previousHash, string.Empty)
        {
            EventId = entry.EventId,
        };
        return record with { Hash = record.ComputeHash() };
    }

    public string ComputeHash()
    {
        // The canonical form is the JSON of every field but Hash, in declaration order; EventId joins it only when
        // set, so the chains written before event ids existed still verify.
        string timestamp = this.Timestamp.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        byte[] canonical = this.EventId is null
            ? JsonSerializer.SerializeToUtf8Bytes(new
            {
                this.Sequence, Timestamp = timestamp, this.Actor, this.Action, this.Target, this.InputsSha256, this.Outcome, this.PreviousHash,
            })
            : JsonSerializer.SerializeToUtf8Bytes(new
            {
                this.Sequence, Timestamp = timestamp, this.Actor, this.Action, this.Target, this.InputsSha256, this.Outcome, this.PreviousHash, this.EventId,
            });
        return Convert.ToHexStringLower(SHA256.HashData(canonical));
    }
}
