using MLOps.Core.Packaging;
using MLOps.Core.Packaging.Onnx;

namespace MLOps.UnitTests.Packaging;

public class TritonConfigTests
{
    [Fact]
    public void A_batched_classifier_gets_dims_without_the_batch_dimension_and_dynamic_batching()
    {
        var model = new OnnxModelInfo(
            [new OnnxTensorInfo("Features", 1, [-1, 18])],
            [new OnnxTensorInfo("PredictedLabel.output", 9, [-1, 1]), new OnnxTensorInfo("Score.output", 1, [-1, 1]), new OnnxTensorInfo("Probability.output", 1, [-1, 1])]);

        string config = TritonConfig.Render("credit", model);

        Assert.Equal(
            """
            name: "credit"
            platform: "onnxruntime_onnx"
            max_batch_size: 1024
            input [
              {
                name: "Features"
                data_type: TYPE_FP32
                dims: [ 18 ]
              }
            ]
            output [
              {
                name: "PredictedLabel.output"
                data_type: TYPE_BOOL
                dims: [ 1 ]
              },
              {
                name: "Score.output"
                data_type: TYPE_FP32
                dims: [ 1 ]
              },
              {
                name: "Probability.output"
                data_type: TYPE_FP32
                dims: [ 1 ]
              }
            ]
            dynamic_batching { }

            """.ReplaceLineEndings("\n"),
            config);
    }

    [Fact]
    public void A_per_row_scalar_is_reshaped_and_a_fixed_batch_turns_batching_off()
    {
        string scalar = TritonConfig.Render("m", new OnnxModelInfo([new OnnxTensorInfo("x", 1, [-1, 3])], [new OnnxTensorInfo("y", 7, [-1])]));
        string fixedBatch = TritonConfig.Render("m\"q", new OnnxModelInfo([new OnnxTensorInfo("x", 11, [4, 3])], [new OnnxTensorInfo("y", 11, [4])]));

        Assert.Contains("    data_type: TYPE_INT64\n    dims: [ 1 ]\n    reshape: { shape: [ ] }\n", scalar, StringComparison.Ordinal);
        Assert.Contains("max_batch_size: 1024\n", scalar, StringComparison.Ordinal);
        Assert.Contains("name: \"m\\\"q\"\n", fixedBatch, StringComparison.Ordinal);
        Assert.Contains("max_batch_size: 0\n", fixedBatch, StringComparison.Ordinal);
        Assert.Contains("    data_type: TYPE_FP64\n    dims: [ 4, 3 ]\n", fixedBatch, StringComparison.Ordinal);
        Assert.DoesNotContain("dynamic_batching", fixedBatch, StringComparison.Ordinal);
    }

    [Fact]
    public void An_element_type_Triton_has_no_name_for_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => TritonConfig.Render("m", new OnnxModelInfo([new OnnxTensorInfo("x", 14, [-1, 2])], [])));
    }
}
