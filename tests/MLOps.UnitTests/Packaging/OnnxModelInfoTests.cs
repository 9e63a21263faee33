using Microsoft.ML.OnnxRuntime;
using MLOps.Core.Packaging;
using MLOps.Core.Packaging.Onnx;
using MLOps.Core.Registry.Mlflow;

namespace MLOps.UnitTests.Packaging;

public class OnnxModelInfoTests
{
    [Fact]
    public async Task The_interface_read_from_the_bytes_is_the_one_ONNX_Runtime_loads()
    {
        byte[] onnx = (await PackageFixtures.SourcesAsync()).MlflowFiles[MlflowModelDirectory.ModelFile].ToArray();
        using var session = new InferenceSession(onnx);

        OnnxModelInfo info = OnnxModelInfo.Read(onnx);

        Assert.Equal(session.InputMetadata.Keys, info.Inputs.Select(i => i.Name));
        Assert.Equal(session.OutputMetadata.Keys, info.Outputs.Select(o => o.Name));
        foreach (OnnxTensorInfo tensor in info.Inputs.Concat(info.Outputs))
        {
            NodeMetadata expected = session.InputMetadata.TryGetValue(tensor.Name, out NodeMetadata? input) ? input : session.OutputMetadata[tensor.Name];
            Assert.Equal((int)expected.ElementDataType, tensor.ElementType);
            Assert.Equal(expected.Dimensions.Select(d => (long)d), tensor.Shape);
        }

        // ML.NET exports one float input [batch, width] and a boolean label beside float score and probability.
        Assert.Equal(["float32"], info.Inputs.Select(i => i.Dtype));
        Assert.Contains(info.Outputs, o => o.Name == "PredictedLabel.output" && o.Dtype == "bool");
    }

    [Fact]
    public async Task Truncated_or_foreign_bytes_are_refused_not_read_out_of_bounds()
    {
        byte[] onnx = (await PackageFixtures.SourcesAsync()).MlflowFiles[MlflowModelDirectory.ModelFile].ToArray();

        Assert.Throws<InvalidDataException>(() => OnnxModelInfo.Read(onnx.AsSpan(0, onnx.Length / 2)));
        Assert.Throws<InvalidDataException>(() => OnnxModelInfo.Read("name: not a model\n"u8));
        Assert.Throws<InvalidDataException>(() => OnnxModelInfo.Read([]));
    }
}
