using System.Security.Cryptography;
using System.Text;

namespace MLOps.Core.Audit;

public static class AuditHashing
{
    /// <summary>Hex SHA-256 of the inputs of an audited call; the inputs themselves are not stored.</summary>
    public static string? Sha256(string? inputs) =>
        inputs is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(inputs)));

    public static string Sha256(ReadOnlySpan<byte> inputs) => Convert.ToHexStringLower(SHA256.HashData(inputs));
}
