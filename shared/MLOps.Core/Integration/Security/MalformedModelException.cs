namespace MLOps.Core.Integration.Security;

/// <summary>
/// Why a model file cannot be read, with the byte offset where reading stopped. Internal to the scan: it becomes a
/// <see cref="OnnxFindingKind.Malformed"/> finding and never leaves <see cref="OnnxSecurityScan"/>.
/// </summary>
#pragma warning disable CA1064 // Never thrown past the scan, which turns it into a finding.
internal sealed class MalformedModelException(long offset, string reason) : Exception($"at byte {offset}: {reason}")
#pragma warning restore CA1064
{
    public long Offset { get; } = offset;

    public string Reason { get; } = reason;
}
