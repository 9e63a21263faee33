using System.Globalization;

namespace MLOps.Core.Experiments;

/// <summary>
/// Moves a parameter between its text form, its "internal" space (log for log-floats, index for categoricals,
/// integers widened by half a step so every integer owns an equal slice) and the unit interval [0, 1]
/// that sampling and mutation work in.
/// </summary>
public static class ParameterCodec
{
    public static (double Low, double High) InternalBounds(ParameterRange range)
    {
        Validate(range);
        return range.Kind switch
        {
            ParameterKind.Integer => (Math.Ceiling(range.Low) - 0.5, Math.Floor(range.High) + 0.5),
            ParameterKind.LogFloat => (Math.Log(range.Low), Math.Log(range.High)),
            ParameterKind.Categorical => (-0.5, range.Choices!.Count - 0.5),
            _ => (range.Low, range.High),
        };
    }

    /// <summary>Maps u in [0, 1] to the parameter's text; the endpoints hit Low and High exactly.</summary>
    public static string FromUnit(ParameterRange range, double u)
    {
        (double low, double high) = InternalBounds(range);
        u = Math.Clamp(u, 0.0, 1.0);
        return FromInternal(range, low + (u * (high - low)));
    }

    public static double ToUnit(ParameterRange range, string value)
    {
        (double low, double high) = InternalBounds(range);
        double span = high - low;
        return span <= 0 ? 0.5 : Math.Clamp((ToInternal(range, value) - low) / span, 0.0, 1.0);
    }

    public static string FromInternal(ParameterRange range, double x)
    {
        (double low, double high) = InternalBounds(range);
        x = Math.Clamp(x, low, high);
        switch (range.Kind)
        {
            case ParameterKind.Integer:
                long rounded = (long)Math.Clamp(Math.Floor(x + 0.5), Math.Ceiling(range.Low), Math.Floor(range.High));
                return rounded.ToString(CultureInfo.InvariantCulture);
            case ParameterKind.Categorical:
                int index = (int)Math.Clamp(Math.Floor(x + 0.5), 0, range.Choices!.Count - 1);
                return range.Choices[index];
            case ParameterKind.LogFloat:
                // exp(log(b)) can miss b by a ulp: give the bounds back exactly and keep the rest inside them.
                return FormatFloat(x <= low ? range.Low : x >= high ? range.High : Math.Clamp(Math.Exp(x), range.Low, range.High));
            default:
                return FormatFloat(x);
        }
    }

    public static double ToInternal(ParameterRange range, string value)
    {
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(value);
        if (range.Kind == ParameterKind.Categorical)
        {
            int index = range.Choices!.ToList().IndexOf(value);
            return index >= 0
                ? index
                : throw new ArgumentException($"'{value}' is not a choice of '{range.Name}'.", nameof(value));
        }

        double number = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
        return range.Kind == ParameterKind.LogFloat ? Math.Log(number) : number;
    }

    public static string FormatFloat(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static void Validate(ParameterRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        if (range.Kind == ParameterKind.Categorical)
        {
            if (range.Choices is not { Count: > 0 })
            {
                throw new ArgumentException($"Categorical parameter '{range.Name}' needs choices.", nameof(range));
            }

            return;
        }

        if (!(range.Low <= range.High) || double.IsInfinity(range.Low) || double.IsInfinity(range.High))
        {
            throw new ArgumentException($"Parameter '{range.Name}' needs finite Low <= High.", nameof(range));
        }

        if (range.Kind == ParameterKind.LogFloat && range.Low <= 0)
        {
            throw new ArgumentException($"Log-float parameter '{range.Name}' needs Low > 0.", nameof(range));
        }

        if (range.Kind == ParameterKind.Integer && Math.Ceiling(range.Low) > Math.Floor(range.High))
        {
            throw new ArgumentException($"Integer parameter '{range.Name}' has no integer in its range.", nameof(range));
        }
    }
}
