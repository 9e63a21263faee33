
namespace MLOps.Core.Audit;

public static class AuditHashing
{
    /// <summary>Hex SHA-256 of the inputs of an audited call; the inputs themselves are not stored.</summary>
    public static string? Sha256(string? inputs) =>
        inputs is null ? null : ContentHash.Sha256(inputs);

    public static string Sha256(ReadOnlySpan<byte> inputs) => ContentHash.Sha256(inputs);
}
