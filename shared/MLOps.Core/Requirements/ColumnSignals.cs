using System.Globalization;
using MLOps.Core.Statistics;

namespace MLOps.Core.Requirements;

/// <summary>
/// Scores one source column against the target for the leakage check. Categorical columns are replaced by the
/// in-sample target rate (or mean) of their category, the best any encoding of that column alone can do; that
/// is optimistic for high-cardinality columns, so identifier-like columns are flagged as well, as they should be.
/// </summary>
internal static class ColumnSignals
{
    public static ColumnSignal? Score(
        string column, IReadOnlyList<string?> values, bool numeric, IReadOnlyList<string?> target, ProjectSpec spec, FeasibilityOptions options)
    {
        // Pairwise complete rows: a missing feature or label says nothing about their association.
        List<(string Raw, double X, string Label)> rows = [];
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i] is { } raw && target[i] is { } label && (!numeric || TryNumber(raw, out _)))
            {
                rows.Add((raw, numeric ? Number(raw) : double.NaN, label));
            }
        }

        return spec.Task == ModelTask.Regression ? Regression(column, rows, numeric) : Classification(column, rows, numeric, spec, options);
    }

    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static ColumnSignal? Regression(string column, List<(string Raw, double X, string Label)> rows, bool numeric)
    {
        rows = rows.Where(r => TryNumber(r.Label, out _)).ToList();
        double[] y = rows.Select(r => Number(r.Label)).ToArray();
        double[] x = numeric ? rows.Select(r => r.X).ToArray() : Encode(rows, y);
        double r = x.Length < 2 ? double.NaN : Correlation.Pearson(x, y);
        return double.IsNaN(r) ? null : new ColumnSignal(column, "|r|", Math.Abs(r), x.Length);
    }

    private static ColumnSignal? Classification(
        string column, List<(string Raw, double X, string Label)> rows, bool numeric, ProjectSpec spec, FeasibilityOptions options)
    {
        string[] classes = spec.Task == ModelTask.BinaryClassification && spec.Target.PositiveClass is { } positive
            ? [positive]
            : [.. rows.Select(r => r.Label).Distinct(StringComparer.Ordinal)];
        double best = double.NaN;
        double? iv = null;
        foreach (string cls in classes)
        {
            bool[] isClass = rows.Select(r => r.Label == cls).ToArray();
            if (isClass.All(b => b) || !isClass.Any(b => b))
            {
                continue;
            }

            double[] scores = numeric ? rows.Select(r => r.X).ToArray() : Encode(rows, isClass.Select(b => b ? 1.0 : 0.0).ToArray());
            best = double.IsNaN(best) ? UnivariateAuc.Separation(scores, isClass) : Math.Max(best, UnivariateAuc.Separation(scores, isClass));
            if (spec.Task == ModelTask.BinaryClassification)
            {
                iv = (numeric
                    ? InformationValue.ForNumeric(scores, isClass, options.InformationValueBins)
                    : InformationValue.ForCategories(rows.Select(r => r.Raw).ToArray(), isClass)).Value;
            }
        }

        return double.IsNaN(best) ? null : new ColumnSignal(column, "AUC", best, rows.Count) { InformationValue = iv };
    }

    /// <summary>Each row's category replaced by the mean outcome of its category.</summary>
    private static double[] Encode(List<(string Raw, double X, string Label)> rows, double[] outcome)
    {
        Dictionary<string, (double Sum, int Count)> stats = new(StringComparer.Ordinal);
        for (int i = 0; i < rows.Count; i++)
        {
            (double sum, int count) = stats.GetValueOrDefault(rows[i].Raw);
            stats[rows[i].Raw] = (sum + outcome[i], count + 1);
        }

        return rows.Select(r => stats[r.Raw].Sum / stats[r.Raw].Count).ToArray();
    }
}
