using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MLOps.Core.Packaging;
using MLOps.Core.Requirements;
using MLOps.Training.Data;
using MLOps.Training.Training;

namespace MLOps.Training.Onnx;

/// <summary>
/// Gates an export: the ONNX graph must reproduce ML.NET's positive-class probability (binary), class probabilities
/// (multiclass) or score (regression) on every holdout row within the tolerance, or the model is not registered.
/// </summary>
public static class OnnxParityChecker
{
    public const double DefaultTolerance = 1e-5;

    public static ParityReport Check(TrainedModel model, byte[] onnx, TrainingTable holdout, double tolerance = DefaultTolerance, bool preferCuda = true)
    {
        float[][] expected = model.Predict(holdout);
        using OnnxSession session = OnnxSessionFactory.Create(onnx, preferCuda);
        float[][] actual;
        try
        {
            actual = Score(session.Session, model.Task, holdout);
        }
        catch (OnnxRuntimeException e)
        {
            return new ParityReport(false, double.PositiveInfinity, -1, null, holdout.Rows, tolerance, session.Provider, $"ONNX Runtime could not score the model: {e.Message}");
        }

        double worst = 0;
        int worstRow = -1;
        for (int r = 0; r < expected.Length; r++)
        {
            for (int c = 0; c < expected[r].Length; c++)
            {
                // A NaN on either side is a mismatch, not something to skip.
                double diff = Math.Abs((double)expected[r][c] - actual[r][c]);
                if (double.IsNaN(diff) || diff > worst)
                {
                    worst = double.IsNaN(diff) ? double.PositiveInfinity : diff;
                    worstRow = r;
                }
            }
        }

        bool passed = worst <= tolerance;
        string? reason = passed
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"ONNX scores differ from ML.NET by up to {worst:G6} (tolerance {tolerance:G3}) at row {worstRow} (key '{holdout.Keys[worstRow]}'): ML.NET {expected[worstRow][0]:G9}, ONNX {actual[worstRow][0]:G9}.");
        return new ParityReport(passed, worst, worstRow, worstRow >= 0 ? holdout.Keys[worstRow] : null, holdout.Rows, tolerance, session.Provider, reason);
    }

    /// <summary>Scores a whole table in one batch through the exported graph, in the shape <see cref="TrainedModel.Predict(TrainingTable)"/> returns.</summary>
    public static float[][] Score(InferenceSession session, ModelTask task, TrainingTable table)
    {
        var input = new DenseTensor<float>([table.Rows, table.Width]);
        for (int r = 0; r < table.Rows; r++)
        {
            table.Features[r].CopyTo(input.Buffer.Span.Slice(r * table.Width, table.Width));
        }

        string output = OutputName(session, task);
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results =
            session.Run([NamedOnnxValue.CreateFromTensor(OnnxModelExporter.InputName, input)], [output]);
        float[] values = results[0].AsEnumerable<float>().ToArray();
        int width = values.Length / table.Rows;
        return Enumerable.Range(0, table.Rows).Select(r => values.AsSpan(r * width, width).ToArray()).ToArray();
    }

    private static string OutputName(InferenceSession session, ModelTask task)
    {
        return ScoreOutput.Find(task, session.OutputMetadata.Keys)
            ?? throw new InvalidDataException($"The ONNX model has no '{ScoreOutput.Column(task)}' output; it has {string.Join(", ", session.OutputMetadata.Keys)}.");
    }
}
