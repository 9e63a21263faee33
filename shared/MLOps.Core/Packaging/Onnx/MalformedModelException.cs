namespace MLOps.Core.Packaging.Onnx;

/// <summary>
/// Why a model file cannot be read, with the byte offset where reading stopped. The security scan turns it into a
/// <see cref="Integration.Security.OnnxFindingKind.Malformed"/> finding; <see cref="OnnxModelInfo"/> rethrows it as an
/// <see cref="InvalidDataException"/>. It never leaves the assembly.
/// </summary>
#pragma warning disable CA1064 // Internal: never thrown past the scan or OnnxModelInfo.
internal sealed class MalformedModelException(long offset, string reason) : Exception($"at byte {offset}: {reason}")
#pragma warning restore CA1064
{
    public long Offset { get; } = offset;

    public string Reason { get; } = reason;
}
