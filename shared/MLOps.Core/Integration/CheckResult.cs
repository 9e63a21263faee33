using System.Globalization;
using MLOps.Core.Requirements;

namespace MLOps.Core.Integration;

/// <summary>
/// The outcome of one integration check on a model package: its name, whether it passed, the figure it measured and
/// the bound that figure had to respect (<see cref="Comparison"/>: the figure must be at most or at least the bound),
/// the unit both are in and a detail sentence a reviewer can act on. <see cref="Judged"/> false means the check
/// could not be applied (no champion yet, too few rows in every group): it passes, and the detail says why.
/// Non-finite figures (a length mismatch) serialize as null, like every number of the platform.
/// </summary>
public sealed record CheckResult
{
    public required string Check { get; init; }

    public required bool Passed { get; init; }

    public required double Figure { get; init; }

    public required double Bound { get; init; }

    public required GateDirection Comparison { get; init; }

    public required string Unit { get; init; }

    public required string Detail { get; init; }

    public bool Judged { get; init; } = true;

    public IReadOnlyList<GroupFigure> Groups { get; init; } = [];

    /// <summary>A result judged by the comparison alone: it passes when the figure is on the good side of the bound (never when NaN).</summary>
    public static CheckResult Judge(string check, double figure, double bound, GateDirection comparison, string unit, string detail, IReadOnlyList<GroupFigure>? groups = null) => new()
    {
        Check = check,
        Passed = comparison.Holds(figure, bound),
        Figure = figure,
        Bound = bound,
        Comparison = comparison,
        Unit = unit,
        Detail = detail,
        Groups = groups ?? [],
    };

    /// <summary>A result that could not be judged: it passes, with the reason in the detail.</summary>
    public static CheckResult NotJudged(string check, double bound, GateDirection comparison, string unit, string reason, IReadOnlyList<GroupFigure>? groups = null) => new()
    {
        Check = check,
        Passed = true,
        Judged = false,
        Figure = double.NaN,
        Bound = bound,
        Comparison = comparison,
        Unit = unit,
        Detail = reason,
        Groups = groups ?? [],
    };

    /// <summary>
    /// A check that could not run (its activity failed, or a check it depends on failed first): it fails, with no
    /// figure, and the detail says why. A build is not passed by a check that never ran.
    /// </summary>
    public static CheckResult NotRun(string check, string reason) => new()
    {
        Check = check,
        Passed = false,
        Figure = double.NaN,
        Bound = double.NaN,
        Comparison = GateDirection.AtMost,
        Unit = "not run",
        Detail = $"The check could not run: {reason}",
    };

    /// <summary>A failed result whose figure could not be measured (+∞: nothing was proven), with the reason.</summary>
    public static CheckResult Unproven(string check, double bound, GateDirection comparison, string unit, string reason) => new()
    {
        Check = check,
        Passed = false,
        Figure = comparison == GateDirection.AtMost ? double.PositiveInfinity : double.NegativeInfinity,
        Bound = bound,
        Comparison = comparison,
        Unit = unit,
        Detail = reason,
    };

    /// <summary>One line naming the check, its figure and its bound, e.g. "parity: FAILED, 3.2E-04 (must be <= 1E-05 absolute score difference)".</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{this.Check}: {(this.Passed ? this.Judged ? "passed" : "not judged" : "FAILED")}, {Format(this.Figure)} (must be {this.Comparison.Operator()} {Format(this.Bound)} {this.Unit}). {this.Detail}");

    /// <summary>Invariant, six significant digits; the words for the non-finite values a JSON null cannot tell apart.</summary>
    public static string Format(double value) => value switch
    {
        double.PositiveInfinity => "+inf",
        double.NegativeInfinity => "-inf",
        _ when double.IsNaN(value) => "n/a",
        _ => value.ToString("G6", CultureInfo.InvariantCulture),
    };
}
