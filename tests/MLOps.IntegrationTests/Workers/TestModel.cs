using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MLOps.Core.Requirements;
using MLOps.Training.Data;
using MLOps.Training.Onnx;
using MLOps.Training.Trainers;
using MLOps.Training.Training;

namespace MLOps.IntegrationTests.Workers;

/// <summary>
/// A real model for the worker tests: a small FastTree binary classifier trained by MLOps.Training on generated
/// rows (with missing values) and exported by the platform's ONNX export path, plus scoring in this process with
/// ONNX Runtime's CPU build, the reference the worker's answers are compared with.
/// </summary>
public sealed class TestModel
{
    public const int Width = 5;

    private TestModel(byte[] onnx, float[] rows)
    {
        this.Onnx = onnx;
        this.Rows = rows;
    }

    public byte[] Onnx { get; }

    /// <summary>40 rows to score, row-major, some values missing (NaN).</summary>
    public float[] Rows { get; }

    public int RowCount => this.Rows.Length / Width;

    public static TestModel Train()
    {
        var random = new Random(7);
        const int n = 400;
        float[][] x = [.. Enumerable.Range(0, n).Select(i => Enumerable.Range(0, Width).Select(c => (i + c) % 11 == 0 ? float.NaN : (float)random.NextDouble()).ToArray())];
        bool[] y = [.. x.Select(r => (float.IsNaN(r[0]) ? 0.5f : r[0]) + (float.IsNaN(r[1]) ? 0.5f : r[1]) > 1.0f)];
        string[] keys = [.. Enumerable.Range(1, n).Select(i => i.ToString(CultureInfo.InvariantCulture))];
        TrainingTable table = TrainingTable.Create(ModelTask.BinaryClassification, ["f0", "f1", "f2", "f3", "f4"], keys, x, binaryLabels: y);
        var parameters = new Dictionary<string, string>
        {
            [HyperParameters.NumberOfTrees] = "20",
            [HyperParameters.NumberOfLeaves] = "8",
        };
        TrainedModel model = ModelTrainer.Train(table, Algorithm.FastTree, parameters, seed: 1);

        var scoring = new Random(11);
        float[] rows = [.. Enumerable.Range(0, 40 * Width).Select(i => i % 7 == 3 ? float.NaN : (float)scoring.NextDouble())];
        return new TestModel(OnnxModelExporter.Export(model), rows);
    }

    public float[] Row(int index) => this.Rows.AsSpan(index * Width, Width).ToArray();

    /// <summary>Every output of the model for <paramref name="rows"/>, computed here by ONNX Runtime (CPU build), as doubles.</summary>
    public Dictionary<string, double[]> ScoreInProcess(float[] rows)
    {
        using OnnxSession session = OnnxSessionFactory.Create(this.Onnx);
        var input = new DenseTensor<float>(rows, [rows.Length / Width, Width]);
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results =
            session.Session.Run([NamedOnnxValue.CreateFromTensor(OnnxModelExporter.InputName, input)]);
        return results.ToDictionary(
            r => r.Name,
            r => r.Value switch
            {
                Tensor<float> f => f.Select(v => (double)v).ToArray(),
                Tensor<bool> b => b.Select(v => v ? 1.0 : 0.0).ToArray(),
                _ => throw new InvalidOperationException($"Unexpected output type of {r.Name}."),
            });
    }
}
