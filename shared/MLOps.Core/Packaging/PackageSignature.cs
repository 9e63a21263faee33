namespace MLOps.Core.Packaging;

/// <summary>
/// The content of <see cref="PackageFormat.SignatureFile"/>: which key signed the manifest (<see cref="KeyId"/>, the
/// SHA-256 of the public key's SubjectPublicKeyInfo) and the signature in base64.
/// </summary>
public sealed record PackageSignature(string Algorithm, string KeyId, string Value);
