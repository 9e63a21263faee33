using System.Text.Json;
using MLOps.Core.Registry.Mlflow;
using YamlDotNet.RepresentationModel;

namespace MLOps.UnitTests.Core.Registry.Mlflow;

public sealed class MlflowModelDirectoryTests
{
    private static readonly MlflowModelPackage Package = new()
    {
        OnnxModel = BinaryData.FromBytes([1, 2, 3, 4]),
        Signature = new MlflowSignature("Features", ["age", "spend", "tenure"], [new MlflowTensor("PredictedLabel", [-1]), new MlflowTensor("Probability", [-1], "float32")]),
        InputExample = [[1f, 2.5f, 3f], [4f, 5f, 6f]],
        RunId = "churn-t0003",
        ModelUuid = MlflowModelDirectory.DeterministicUuid("p/churn/1"),
        CreatedAt = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero),
    };

    [Fact]
    public void MLmodel_has_the_keys_and_flavors_mlflow_onnx_writes()
    {
        YamlMappingNode root = Parse(MlflowModelDirectory.MLmodel(Package));

        Assert.Equal("model", Scalar(root, "artifact_path"));
        Assert.Equal("churn-t0003", Scalar(root, "run_id"));
        Assert.Matches("^[0-9a-f]{32}$", Scalar(root, "model_uuid"));
        Assert.Equal("2025-03-04 05:06:07.000000", Scalar(root, "utc_time_created"));
        Assert.Equal("2.14.1", Scalar(root, "mlflow_version"));
        Assert.Equal("4", Scalar(root, "model_size_bytes"));

        var flavors = (YamlMappingNode)root["flavors"];
        var onnx = (YamlMappingNode)flavors["onnx"];
        Assert.Equal("model.onnx", Scalar(onnx, "data"));
        Assert.Equal("1.16.1", Scalar(onnx, "onnx_version"));
        Assert.Equal(["CUDAExecutionProvider", "CPUExecutionProvider"], ((YamlSequenceNode)onnx["providers"]).Select(n => ((YamlScalarNode)n).Value));
        Assert.True(onnx.Children.ContainsKey("code"));

        var pyfunc = (YamlMappingNode)flavors["python_function"];
        Assert.Equal("mlflow.onnx", Scalar(pyfunc, "loader_module"));
        Assert.Equal("model.onnx", Scalar(pyfunc, "data"));
        Assert.Equal("3.10.14", Scalar(pyfunc, "python_version"));
        var env = (YamlMappingNode)pyfunc["env"];
        Assert.Equal(("conda.yaml", "python_env.yaml"), (Scalar(env, "conda"), Scalar(env, "virtualenv")));

        var example = (YamlMappingNode)root["saved_input_example_info"];
        Assert.Equal(("input_example.json", "ndarray", "tf-serving"), (Scalar(example, "artifact_path"), Scalar(example, "type"), Scalar(example, "format")));
    }

    [Fact]
    public void A_missing_feature_value_in_the_input_example_is_written_as_null()
    {
        MlflowModelPackage package = Package with { InputExample = [[1f, float.NaN, 3f], [float.PositiveInfinity, 5f, 6f]] };

        BinaryData example = MlflowModelDirectory.Render(package).Single(f => f.File == MlflowModelDirectory.InputExampleFile).Content;

        using JsonDocument json = JsonDocument.Parse(example.ToString());
        JsonElement rows = json.RootElement.GetProperty("inputs");
        Assert.Equal(JsonValueKind.Null, rows[0][1].ValueKind);
        Assert.Equal(JsonValueKind.Null, rows[1][0].ValueKind);
        Assert.Equal(3, rows[0][2].GetDouble());
    }

    [Fact]
    public void The_decision_threshold_goes_into_MLmodel_metadata_and_no_metadata_key_without_one()
    {
        MlflowModelPackage package = Package with { Metadata = new Dictionary<string, string> { ["decision_threshold"] = "0.3125", ["positive_class"] = "bad" } };

        YamlMappingNode root = Parse(MlflowModelDirectory.MLmodel(package));

        var metadata = (YamlMappingNode)root["metadata"];
        Assert.Equal(("0.3125", "bad"), (Scalar(metadata, "decision_threshold"), Scalar(metadata, "positive_class")));
        Assert.False(Parse(MlflowModelDirectory.MLmodel(Package)).Children.ContainsKey("metadata"));
    }

    [Fact]
    public void Signature_is_mlflow_tensor_schema_json_inside_the_yaml()
    {
        var signature = (YamlMappingNode)Parse(MlflowModelDirectory.MLmodel(Package))["signature"];

        using JsonDocument inputs = JsonDocument.Parse(Scalar(signature, "inputs"));
        JsonElement input = Assert.Single(inputs.RootElement.EnumerateArray());
        Assert.Equal("Features", input.GetProperty("name").GetString());
        Assert.Equal("tensor", input.GetProperty("type").GetString());
        Assert.Equal("float32", input.GetProperty("tensor-spec").GetProperty("dtype").GetString());
        Assert.Equal([-1L, 3L], input.GetProperty("tensor-spec").GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()));

        using JsonDocument outputs = JsonDocument.Parse(Scalar(signature, "outputs"));
        Assert.Equal(["PredictedLabel", "Probability"], outputs.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()));
    }

    [Fact]
    public void The_directory_holds_model_example_and_environment_with_MLmodel_last()
    {
        IReadOnlyList<(string File, BinaryData Content)> files = MlflowModelDirectory.Render(Package);

        Assert.Equal(["model.onnx", "input_example.json", "requirements.txt", "conda.yaml", "python_env.yaml", "MLmodel"], files.Select(f => f.File));
        Assert.Equal([1, 2, 3, 4], files[0].Content.ToArray());
        using JsonDocument example = JsonDocument.Parse(files[1].Content.ToString());
        Assert.Equal(2.5, example.RootElement.GetProperty("inputs")[0][1].GetDouble());
        Assert.Contains("onnxruntime==1.18.0", files[2].Content.ToString(), StringComparison.Ordinal);

        YamlMappingNode conda = Parse(files[3].Content.ToString());
        Assert.Equal("mlflow-env", Scalar(conda, "name"));
        var pip = (YamlMappingNode)((YamlSequenceNode)conda["dependencies"]).Children[2];
        Assert.Contains("onnx==1.16.1", ((YamlSequenceNode)pip["pip"]).Select(n => ((YamlScalarNode)n).Value));

        YamlMappingNode pythonEnv = Parse(files[4].Content.ToString());
        Assert.Equal("3.10.14", Scalar(pythonEnv, "python"));
        Assert.Equal("-r requirements.txt", ((YamlScalarNode)((YamlSequenceNode)pythonEnv["dependencies"]).Children[0]).Value);
    }

    [Fact]
    public void Input_example_rows_must_match_the_signature_width() =>
        Assert.Throws<ArgumentException>(() => MlflowModelDirectory.Render(Package with { InputExample = [[1f, 2f]] }));

    [Fact]
    public void Rendering_twice_gives_the_same_bytes() =>
        Assert.Equal(MlflowModelDirectory.MLmodel(Package), MlflowModelDirectory.MLmodel(Package));

    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;
}
