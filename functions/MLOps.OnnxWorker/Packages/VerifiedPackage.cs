using MLOps.Core.Packaging;

namespace MLOps.OnnxWorker.Packages;

/// <summary>A package whose signature and every file verified, and the exact bytes of its model/model.onnx that were hashed.</summary>
public sealed record VerifiedPackage(string Digest, PackageManifest Manifest, byte[] Model);
