namespace MLOps.Core.Requirements;

/// <summary>
/// The one comparison a <see cref="GateDirection"/> stands for, shared by the acceptance gate and the integration
/// checks so that "at least" cannot mean two things. Inclusive: a value equal to the bound is on the good side; NaN
/// never is.
/// </summary>
public static class GateDirections
{
    public static bool Holds(this GateDirection direction, double value, double bound) =>
        direction == GateDirection.AtLeast ? value >= bound : value <= bound;

    public static string Operator(this GateDirection direction) => direction == GateDirection.AtLeast ? ">=" : "<=";
}
