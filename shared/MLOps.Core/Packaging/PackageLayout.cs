using System.Globalization;

namespace MLOps.Core.Packaging;

/// <summary>The paths of a package's files (PACKAGE.md), relative to the package root.</summary>
public static class PackageLayout
{
    public const string Descriptor = "package.json";

    public const string Contract = FeatureContract.FileName;

    /// <summary>The registered MLflow model directory, as registered.</summary>
    public const string ModelFolder = "model/";

    /// <summary>The ONNX model a server loads: always this file of the package.</summary>
    public const string ModelOnnx = ModelFolder + "model.onnx";

    public const string TritonFolder = "triton/";

    /// <summary>Triton's model configuration, in a model repository of one model.</summary>
    public static string TritonConfig(string model) => $"{TritonFolder}{model}/config.pbtxt";

    /// <summary>The model file of Triton's (and KServe's) <c>{model}/{version}/model.onnx</c> layout.</summary>
    public static string TritonModel(string model, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"{TritonFolder}{model}/{version}/model.onnx");
}
