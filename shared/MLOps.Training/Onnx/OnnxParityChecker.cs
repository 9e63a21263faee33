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
/// Probabilities lie in [0, 1], so their tolerance is absolute. A regression score is in the target's units (a house
/// price of 400,000, a strength of 60), where float32 carries about 7 significant digits and the graph sums the trees
/// in another order than ML.NET: there the tolerance is relative to the scores' scale (see <see cref="Allowed"/>).
/// </summary>
public static class OnnxParityChecker
{
    /// <summary>Absolute for probabilities; for regression, relative to the score scale (and absolute below a scale of 1).</summary>
    public const double DefaultTolerance = 1e-5;

    public static ParityReport Check(TrainedModel model, byte[] onnx, TrainingTable holdout, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(holdout);
        float[][] expected = model.Predict(holdout);
        using OnnxSession session = OnnxSessionFactory.Create(onnx);
        float[][] actual;
        try
        {
            actual = Score(session.Session, model.Task, holdout);
        }
        catch (OnnxRuntimeException e)
        {
            return new ParityReport(false, double.PositiveInfinity, -1, null, holdout.Rows, tolerance, session.Provider, $"ONNX Runtime could not score the model: {e.Message}");
        }

        return Compare(model.Task, expected, actual, holdout.Keys, tolerance, session.Provider);
    }

    /// <summary>
    /// The largest difference the comparison allows. Classification: <paramref name="tolerance"/>. Regression:
    /// <paramref name="tolerance"/> times the score scale, the largest |ML.NET score| on the rows (at least 1, so
    /// scores within ±1 keep the absolute bound). The scale is the table's, not each row's: a score near zero on a
    /// target of hundreds of thousands is a sum of large terms and carries their rounding.
    /// </summary>
    public static double Allowed(ModelTask task, float[][] expected, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(expected);
        return task == ModelTask.Regression ? tolerance * ScoreScale(expected) : tolerance;
    }

    /// <summary>Compares ML.NET's scores (<paramref name="expected"/>) with ONNX Runtime's, row by row.</summary>
    public static ParityReport Compare(ModelTask task, float[][] expected, float[][] actual, IReadOnlyList<string> keys, double tolerance, string provider)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(keys);
        double allowed = Allowed(task, expected, tolerance);
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

        bool passed = worst <= allowed;
        string bound = task == ModelTask.Regression
            ? string.Create(CultureInfo.InvariantCulture, $"tolerance {allowed:G3} = {tolerance:G3} × score scale {ScoreScale(expected):G6}")
            : string.Create(CultureInfo.InvariantCulture, $"tolerance {allowed:G3}");
        string? reason = passed
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"ONNX scores differ from ML.NET by up to {worst:G6} ({bound}) at row {worstRow} (key '{keys[worstRow]}'): ML.NET {expected[worstRow][0]:G9}, ONNX {actual[worstRow][0]:G9}.");
        return new ParityReport(passed, worst, worstRow, worstRow >= 0 ? keys[worstRow] : null, expected.Length, allowed, provider, reason);
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

    /// <summary>The largest finite |score|, at least 1.</summary>
    private static double ScoreScale(float[][] scores) =>
        scores.SelectMany(r => r).Where(float.IsFinite).Select(v => Math.Abs((double)v)).Append(1).Max();

    private static string OutputName(InferenceSession session, ModelTask task)
    {
        return ScoreOutput.Find(task, session.OutputMetadata.Keys)
            ?? throw new InvalidDataException($"The ONNX model has no '{ScoreOutput.Column(task)}' output; it has {string.Join(", ", session.OutputMetadata.Keys)}.");
    }
}
