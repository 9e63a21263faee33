namespace MLOps.Core.Registry.Mlflow;

/// <summary>
/// Everything an MLflow ONNX model directory holds. Versions default to a set known to load ONNX models
/// together; <see cref="ModelUuid"/> and <see cref="CreatedAt"/> are inputs rather than generated, so writing
/// the directory again (a retried activity) produces the same bytes.
/// </summary>
public sealed record MlflowModelPackage
{
    public required BinaryData OnnxModel { get; init; }

    public required MlflowSignature Signature { get; init; }

    /// <summary>A few rows of input, each <see cref="MlflowSignature.Width"/> values wide.</summary>
    public required IReadOnlyList<IReadOnlyList<float>> InputExample { get; init; }

    public required string RunId { get; init; }

    /// <summary>32 lower-case hex characters, as MLflow writes uuid4().hex.</summary>
    public required string ModelUuid { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string ArtifactPath { get; init; } = "model";

    /// <summary>MLmodel's free-form <c>metadata</c> (as <c>mlflow.onnx.save_model(metadata=…)</c> writes it), e.g. the decision threshold.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    public string MlflowVersion { get; init; } = "2.14.1";

    public string OnnxVersion { get; init; } = "1.16.1";

    public string OnnxRuntimeVersion { get; init; } = "1.18.0";

    public string PythonVersion { get; init; } = "3.10.14";
}
