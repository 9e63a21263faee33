using System.Globalization;
using System.Text.Json;
using Azure.Storage.Blobs;
using MLOps.Core.Serialization;
using MLOps.Core.Storage;
using YamlDotNet.Serialization;

namespace MLOps.Core.Registry.Mlflow;

/// <summary>
/// Writes a model directory that MLflow loads as is (<c>mlflow.pyfunc.load_model</c>, <c>mlflow.onnx.load_model</c>):
/// the layout and MLmodel keys of <c>mlflow.onnx.save_model</c> — onnx and python_function flavors, tensor
/// signature, tf-serving input example, and the conda / virtualenv / pip environment files.
/// </summary>
public static class MlflowModelDirectory
{
    public const string MLmodelFile = "MLmodel";
    public const string ModelFile = "model.onnx";
    public const string InputExampleFile = "input_example.json";
    public const string CondaFile = "conda.yaml";
    public const string PythonEnvFile = "python_env.yaml";
    public const string RequirementsFile = "requirements.txt";

    /// <summary>
    /// MLmodel metadata key holding the input tensor's column names in order, as a JSON array: MLflow's tensor spec
    /// has a shape but no column names, and serving must know which column is which.
    /// </summary>
    public const string FeatureNamesKey = "feature_names";

    /// <summary>Every file of the directory, in write order (MLmodel last).</summary>
    public static readonly IReadOnlyList<string> Files = [ModelFile, InputExampleFile, RequirementsFile, CondaFile, PythonEnvFile, MLmodelFile];

    /// <summary>
    /// Writes every file create-if-absent, MLmodel last, so a retry only fills in what an interrupted attempt left
    /// out. The registry writes it under its staging prefix and commits the whole directory at once.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(
        BlobContainerClient container, string prefix, MlflowModelPackage package, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(prefix);
        string folder = prefix.EndsWith('/') ? prefix : prefix + "/";
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var written = new List<string>();
        foreach ((string file, BinaryData content) in Render(package))
        {
            await container.GetBlobClient(folder + file).TryCreateAsync(content, cancellationToken);
            written.Add(folder + file);
        }

        return written;
    }

    /// <summary>The directory's files in write order, MLmodel last.</summary>
    public static IReadOnlyList<(string File, BinaryData Content)> Render(MlflowModelPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        string requirements = string.Join('\n', Requirements(package));
        return
        [
            (ModelFile, package.OnnxModel),
            (InputExampleFile, BinaryData.FromString(InputExampleJson(package))),
            (RequirementsFile, BinaryData.FromString(requirements)),
            (CondaFile, BinaryData.FromString(Yaml(CondaEnv(package)))),
            (PythonEnvFile, BinaryData.FromString(Yaml(PythonEnv(package)))),
            (MLmodelFile, BinaryData.FromString(MLmodel(package))),
        ];
    }

    public static string MLmodel(MlflowModelPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        MlflowSignature signature = package.Signature;
        var model = new Dictionary<string, object?>
        {
            ["artifact_path"] = package.ArtifactPath,
            ["flavors"] = new Dictionary<string, object?>
            {
                ["onnx"] = new Dictionary<string, object?>
                {
                    ["code"] = null,
                    ["data"] = ModelFile,
                    ["onnx_session_options"] = null,
                    ["onnx_version"] = package.OnnxVersion,
                    ["providers"] = new[] { "CUDAExecutionProvider", "CPUExecutionProvider" },
                },
                ["python_function"] = new Dictionary<string, object?>
                {
                    ["data"] = ModelFile,
                    ["env"] = new Dictionary<string, object?> { ["conda"] = CondaFile, ["virtualenv"] = PythonEnvFile },
                    ["loader_module"] = "mlflow.onnx",
                    ["python_version"] = package.PythonVersion,
                },
            },
            ["mlflow_version"] = package.MlflowVersion,
            ["model_size_bytes"] = package.OnnxModel.ToMemory().Length,
            ["model_uuid"] = package.ModelUuid,
            ["run_id"] = package.RunId,
            ["saved_input_example_info"] = new Dictionary<string, object?>
            {
                ["artifact_path"] = InputExampleFile,
                ["format"] = "tf-serving",
                ["type"] = "ndarray",
            },
            ["signature"] = new Dictionary<string, object?>
            {
                ["inputs"] = TensorSchema([signature.Input]),
                ["outputs"] = TensorSchema(signature.Outputs),
                ["params"] = null,
            },

            // MLflow writes str(datetime.utcnow()): "YYYY-MM-DD HH:MM:SS.ffffff".
            ["utc_time_created"] = package.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        };
        if (package.Metadata.Count > 0)
        {
            model["metadata"] = new SortedDictionary<string, string>(package.Metadata.ToDictionary(), StringComparer.Ordinal);
        }

        // MLflow dumps MLmodel with sorted keys; the literal above is already in that order.
        return Yaml(new SortedDictionary<string, object?>(model, StringComparer.Ordinal));
    }

    /// <summary>A model UUID derived from the version's identity, so every write of it agrees.</summary>
    public static string DeterministicUuid(string identity) =>
        ContentHash.Sha256(identity)[..32];

    /// <summary>MLflow's Schema.to_json: a JSON list of tensor specs, stored in the YAML as a string.</summary>
    internal static string TensorSchema(IEnumerable<MlflowTensor> tensors) =>
        JsonSerializer.Serialize(tensors.Select(t => new Dictionary<string, object>
        {
            ["name"] = t.Name,
            ["type"] = "tensor",
            ["tensor-spec"] = new Dictionary<string, object> { ["dtype"] = t.Dtype, ["shape"] = t.Shape },
        }));

    private static string InputExampleJson(MlflowModelPackage package)
    {
        foreach (IReadOnlyList<float> row in package.InputExample)
        {
            if (row.Count != package.Signature.Width)
            {
                throw new ArgumentException(
                    $"An input example row has {row.Count} values; the signature has {package.Signature.Width} features.", nameof(package));
            }
        }

        // A missing feature value is NaN; MLflow's tf-serving example carries it as null (see FiniteJson).
        return FiniteJson.Serialize(new Dictionary<string, object> { ["inputs"] = package.InputExample });
    }

    private static string[] Requirements(MlflowModelPackage package) =>
        [$"mlflow=={package.MlflowVersion}", $"onnx=={package.OnnxVersion}", $"onnxruntime=={package.OnnxRuntimeVersion}"];

    private static Dictionary<string, object?> CondaEnv(MlflowModelPackage package) => new()
    {
        ["channels"] = new[] { "conda-forge" },
        ["dependencies"] = new object[]
        {
            $"python={package.PythonVersion}",
            "pip<=24.0",
            new Dictionary<string, object?> { ["pip"] = Requirements(package) },
        },
        ["name"] = "mlflow-env",
    };

    private static Dictionary<string, object?> PythonEnv(MlflowModelPackage package) => new()
    {
        ["python"] = package.PythonVersion,
        ["build_dependencies"] = new[] { "pip==24.0", "setuptools==69.5.1", "wheel==0.43.0" },
        ["dependencies"] = new[] { "-r requirements.txt" },
    };

    private static string Yaml(object value) => new SerializerBuilder().Build().Serialize(value);
}
