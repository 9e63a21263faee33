using System.Globalization;
using MLOps.Core.Experiments;
using MLOps.Core.Requirements;

namespace MLOps.Core.Integration.Robustness;

/// <summary>
/// Label stability under small input noise: every numeric input of every row gets Gaussian noise of
/// <c>scale</c> × the column's training standard deviation, the package scores the rows before and after, and the
/// share of rows whose predicted label (score ≥ threshold) flips must stay within the bound. The noise is drawn from
/// <see cref="SeededRandom"/>, one stream per row, so a build reruns the same perturbation and a row's noise does not
/// depend on how many rows were sent. Rows are raw string fields as the platform reads them; a missing or non-numeric
/// value is left as it is. Scoring is a delegate so the caller can pass a worker call.
/// </summary>
public static class RobustnessCheck
{
    public const string Unit = "share of rows whose label flipped";

    /// <summary>The perturbed copy of <paramref name="rows"/>: numbers rewritten in round-trip invariant form.</summary>
    public static IReadOnlyList<string[]> Perturb(
        IReadOnlyList<string> header, IReadOnlyList<string[]> rows, IReadOnlyList<RobustnessColumn> columns, double scale, int seed)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        int[] index = [.. columns.Select(c => IndexOf(header, c.Name))];
        var perturbed = new string[rows.Count][];
        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r] is not { } source || source.Length != header.Count)
            {
                throw new ArgumentException($"Row {r} has {rows[r]?.Length ?? 0} fields for {header.Count} columns.", nameof(rows));
            }

            string[] row = [.. source];
            var random = new SeededRandom(seed, r);
            for (int c = 0; c < columns.Count; c++)
            {
                // Draw for every column, perturbed or not, so a value's noise depends only on (seed, row, column).
                double noise = random.NextGaussian() * scale * columns[c].StandardDeviation;
                if (double.IsFinite(noise) && columns[c].StandardDeviation > 0
                    && double.TryParse(row[index[c]], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value))
                {
                    row[index[c]] = (value + noise).ToString("R", CultureInfo.InvariantCulture);
                }
            }

            perturbed[r] = row;
        }

        return perturbed;
    }

    /// <summary>Counts label flips between the scores of the original and the perturbed rows; a NaN score counts as a flip.</summary>
    public static CheckResult Judge(IReadOnlyList<double> original, IReadOnlyList<double> perturbed, double threshold, double maxFlipShare, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(perturbed);
        if (original.Count != perturbed.Count || original.Count == 0)
        {
            return new CheckResult
            {
                Check = CheckNames.Robustness,
                Passed = false,
                Figure = double.PositiveInfinity,
                Bound = maxFlipShare,
                Comparison = GateDirection.AtMost,
                Unit = Unit,
                Detail = original.Count == 0 && perturbed.Count == 0
                    ? "No rows were scored, so robustness is unproven."
                    : $"{original.Count} original scores but {perturbed.Count} perturbed ones.",
            };
        }

        int flips = 0, unscored = 0, first = -1;
        for (int r = 0; r < original.Count; r++)
        {
            bool nan = double.IsNaN(original[r]) || double.IsNaN(perturbed[r]);
            if (nan || (original[r] >= threshold) != (perturbed[r] >= threshold))
            {
                flips++;
                unscored += nan ? 1 : 0;
                first = first < 0 ? r : first;
            }
        }

        double share = flips / (double)original.Count;
        string detail = string.Create(
            CultureInfo.InvariantCulture,
            $"{flips} of {original.Count} labels flipped at threshold {threshold:G6}{(first >= 0 ? $" (first at row {first}: {original[first]:G6} → {perturbed[first]:G6})" : string.Empty)}{(unscored > 0 ? $"; {unscored} of them had no score" : string.Empty)}.{(note is null ? string.Empty : " " + note)}");
        return CheckResult.Judge(CheckNames.Robustness, share, maxFlipShare, GateDirection.AtMost, Unit, detail);
    }

    /// <summary>Perturbs, scores both sets through <paramref name="score"/> and judges the flips.</summary>
    public static async Task<CheckResult> RunAsync(
        Func<IReadOnlyList<string[]>, CancellationToken, Task<IReadOnlyList<double>>> score,
        IReadOnlyList<string> header,
        IReadOnlyList<string[]> rows,
        IReadOnlyList<RobustnessColumn> columns,
        double scale,
        int seed,
        double threshold,
        double maxFlipShare,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(columns);
        IReadOnlyList<string[]> perturbed = Perturb(header, rows, columns, scale, seed);
        IReadOnlyList<double> before = await score(rows, cancellationToken);
        IReadOnlyList<double> after = await score(perturbed, cancellationToken);
        string[] constant = [.. columns.Where(c => !(c.StandardDeviation > 0) || !double.IsFinite(c.StandardDeviation)).Select(c => c.Name)];
        string note = string.Create(
            CultureInfo.InvariantCulture,
            $"Noise {scale:G3} standard deviations on {columns.Count - constant.Length} numeric columns, seed {seed}{(constant.Length > 0 ? $"; not perturbed (no spread): {string.Join(", ", constant)}" : string.Empty)}.");
        return Judge(before, after, threshold, maxFlipShare, note);
    }

    private static int IndexOf(IReadOnlyList<string> header, string column)
    {
        for (int i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"The column '{column}' to perturb is not in the rows' header.", nameof(column));
    }
}
