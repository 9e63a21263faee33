using Microsoft.ML;
using MLOps.Training.Data;
using MLOps.Training.Training;

namespace MLOps.Training.Onnx;

/// <summary>
/// Exports a trained pipeline to ONNX with one input, "Features": a float tensor of shape [batch, width]. A single
/// vector input is what ML.NET's pipeline consumes, keeps the graph free of a concat node, and is what MLflow's ONNX
/// flavour and ONNX Runtime serve directly; the feature order is <see cref="TrainedModel.FeatureNames"/>.
/// Outputs keep ML.NET's names with the ".output" suffix (e.g. "Probability.output", "Score.output").
/// </summary>
public static class OnnxModelExporter
{
    public const string InputName = "Features";

    public static byte[] Export(TrainedModel model)
    {
        // The exporter reads only the input schema, so an empty feature-only view suffices and keeps "Label" out of the graph.
        IDataView schema = DataViews.FeaturesOnly(model.Context, [], model.FeatureNames.Count);
        using var stream = new MemoryStream();
        model.Context.Model.ConvertToOnnx(model.Transformer, schema, stream);
        return stream.ToArray();
    }
}
