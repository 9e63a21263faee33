namespace MLOps.Core.Serving.Workers;

/// <summary>
/// The names the ONNX workers and their clients share: KServe V2 (Open Inference Protocol) routes, the platform and
/// datatype strings, and the worker-specific model parameters.
/// </summary>
public static class WorkerProtocol
{
    /// <summary>Triton's name for ONNX models served by ONNX Runtime.</summary>
    public const string Platform = "onnxruntime_onnx";

    /// <summary>The extension the worker implements on top of the required API (Triton's model-repository extension).</summary>
    public const string ModelRepositoryExtension = "model_repository";

    /// <summary>Load parameter and metadata parameter: the package's digest (lower-case hex SHA-256 of its manifest).</summary>
    public const string PackageParameter = "package";

    /// <summary>Metadata parameter: the ONNX Runtime execution provider the model's session runs on.</summary>
    public const string ProviderParameter = "provider";

    public const string CudaProvider = "CUDA";

    public const string CpuProvider = "CPU";

    /// <summary>The only input datatype the worker accepts: model rows are single-precision features.</summary>
    public const string Fp32 = "FP32";

    /// <summary>The input of models the platform exports (MLOps.Training's OnnxModelExporter.InputName).</summary>
    public const string DefaultInputName = "Features";

    /// <summary>Model names are the caller's serving names, e.g. <c>credit-scoring.credit-model</c>.</summary>
    public const int MaxModelNameLength = 128;

    /// <summary>Letters, digits, '.', '_' and '-', starting with a letter or digit: safe in a URL path segment and a metric label.</summary>
    public static bool IsValidModelName(string? name) =>
        !string.IsNullOrEmpty(name)
        && name.Length <= MaxModelNameLength
        && char.IsAsciiLetterOrDigit(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    public static string ModelPath(string name, string? version) =>
        version is null ? $"v2/models/{Uri.EscapeDataString(name)}" : $"v2/models/{Uri.EscapeDataString(name)}/versions/{Uri.EscapeDataString(version)}";
}
