namespace MLOps.Core.Integration.Security;

/// <summary>What the ONNX security scan objects to. Every finding fails the scan.</summary>
public enum OnnxFindingKind
{
    /// <summary>The file is not a readable ONNX model: truncated, garbage, a bad varint, too deeply nested, no graph.</summary>
    Malformed,

    /// <summary>The file is larger than <see cref="OnnxScanOptions.MaxBytes"/>; it is not read.</summary>
    TooLarge,

    /// <summary>A tensor keeps its data outside the file: the package would not be self-contained.</summary>
    ExternalData,

    /// <summary>An external-data location that is absolute (or names a drive or scheme): it reads any file on the host.</summary>
    AbsoluteExternalPath,

    /// <summary>An external-data location that climbs out of the package directory with "..".</summary>
    EscapingExternalPath,

    /// <summary>An opset import of a domain outside the allow list.</summary>
    DomainNotAllowed,

    /// <summary>A node whose operator domain is outside the allow list: a custom operator the runtime must load code for.</summary>
    CustomOperator,

    /// <summary>An opset version outside the vetted range of its domain.</summary>
    OpsetOutOfRange,

    /// <summary>The model imports no opset, or nodes use a domain it imports no opset of.</summary>
    MissingOpset,
}
