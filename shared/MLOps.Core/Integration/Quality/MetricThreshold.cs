using System.Globalization;
using MLOps.Core.Requirements;

namespace MLOps.Core.Integration.Quality;

/// <summary>
/// MLflow's <c>mlflow.models.MetricThreshold</c>: a value threshold and/or the least absolute or relative change a
/// candidate must show over a baseline, with the metric's direction. Same rules as MLflow's constructor
/// (<see cref="Problems"/>): a threshold is a number, <c>min_absolute_change</c> is positive,
/// <c>min_relative_change</c> lies in [0, 1], and at least one of the three is set.
/// </summary>
public sealed record MetricThreshold
{
    public double? Threshold { get; init; }

    public double? MinAbsoluteChange { get; init; }

    public double? MinRelativeChange { get; init; }

    public required bool GreaterIsBetter { get; init; }

    public GateDirection Direction => this.GreaterIsBetter ? GateDirection.AtLeast : GateDirection.AtMost;

    /// <summary>The acceptance gate as a threshold, with the champion comparison's change rules beside it.</summary>
    public static MetricThreshold ForGate(AcceptanceGate gate, double? minAbsoluteChange = null, double? minRelativeChange = null)
    {
        ArgumentNullException.ThrowIfNull(gate);
        return new MetricThreshold
        {
            Threshold = gate.Threshold,
            MinAbsoluteChange = minAbsoluteChange,
            MinRelativeChange = minRelativeChange,
            GreaterIsBetter = gate.Direction == GateDirection.AtLeast,
        };
    }

    /// <summary>MLflow's constructor checks, in its words; empty when the threshold is usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        List<string> problems = [];
        if (this.Threshold is { } threshold && !double.IsFinite(threshold))
        {
            problems.Add("`threshold` parameter must be a number.");
        }

        if (this.MinAbsoluteChange is { } absolute && !(absolute > 0 && double.IsFinite(absolute)))
        {
            problems.Add("`min_absolute_change` parameter must be a positive number.");
        }

        if (this.MinRelativeChange is { } relative && !(relative >= 0 && relative <= 1))
        {
            problems.Add("`min_relative_change` parameter must be between 0 and 1.");
        }

        if (this.Threshold is null && this.MinAbsoluteChange is null && this.MinRelativeChange is null)
        {
            problems.Add("no threshold was specified.");
        }

        return problems;
    }

    /// <summary>MLflow's wording, e.g. "Threshold: 0.8. Minimum Absolute Change: 0.05. Higher value is better."</summary>
    public override string ToString()
    {
        List<string> parts = [];
        if (this.Threshold is { } threshold)
        {
            parts.Add($"Threshold: {N(threshold)}.");
        }

        if (this.MinAbsoluteChange is { } absolute)
        {
            parts.Add($"Minimum Absolute Change: {N(absolute)}.");
        }

        if (this.MinRelativeChange is { } relative)
        {
            parts.Add($"Minimum Relative Change: {N(relative)}.");
        }

        parts.Add(this.GreaterIsBetter ? "Higher value is better." : "Lower value is better.");
        return string.Join(" ", parts);
    }

    internal static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
