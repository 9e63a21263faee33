using System.Globalization;
using MLOps.Core.Requirements;

namespace MLOps.Core.Integration.Parity;

/// <summary>
/// Scores of the built package (through a worker) against the scores tracked for the same holdout rows when the
/// model was trained: the package must reproduce them row for row. Two NaNs agree (both say "no score"); a NaN
/// against a number, an infinity against anything else, or a row only one side has is a mismatch of infinite size
/// that names its row, like the experiment's ONNX parity gate.
/// </summary>
public static class ParityCheck
{
    public static CheckResult Check(
        IReadOnlyList<double> package, IReadOnlyList<double> tracked, ParityScale scale, double bound, IReadOnlyList<string>? keys = null)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(tracked);
        if (keys is not null && keys.Count != tracked.Count)
        {
            throw new ArgumentException($"{keys.Count} keys for {tracked.Count} tracked scores.", nameof(keys));
        }

        string unit = scale == ParityScale.Probability ? "absolute score difference" : "|Δ| / max(1, |y|)";
        string Row(int r) => keys is null ? $"row {r}" : $"row {r} (key '{keys[r]}')";
        if (package.Count != tracked.Count)
        {
            int first = Math.Min(package.Count, tracked.Count);
            string missing = package.Count < tracked.Count ? "has no package score" : "has no tracked score";
            string row = first < tracked.Count ? Row(first) : $"row {first}";
            return Fail(bound, unit, $"The package scored {package.Count} rows but {tracked.Count} are tracked: {row} {missing}.");
        }

        if (tracked.Count == 0)
        {
            return Fail(bound, unit, "No rows were scored, so parity is unproven.");
        }

        double worst = -1;
        int worstRow = -1;
        for (int r = 0; r < tracked.Count; r++)
        {
            double figure = Difference(package[r], tracked[r], scale);
            if (figure > worst)
            {
                (worst, worstRow) = (figure, r);
            }
        }

        string detail = string.Create(
            CultureInfo.InvariantCulture,
            $"Largest difference over {tracked.Count} rows at {Row(worstRow)}: package {package[worstRow]:G9}, tracked {tracked[worstRow]:G9}.");
        return CheckResult.Judge(CheckNames.Parity, worst, bound, GateDirection.AtMost, unit, detail);
    }

    private static double Difference(double package, double tracked, ParityScale scale) =>
        scale == ParityScale.Probability ? Differences.Absolute(package, tracked) : Differences.Scaled(package, tracked);

    private static CheckResult Fail(double bound, string unit, string detail) => new()
    {
        Check = CheckNames.Parity,
        Passed = false,
        Figure = double.PositiveInfinity,
        Bound = bound,
        Comparison = GateDirection.AtMost,
        Unit = unit,
        Detail = detail,
    };
}
