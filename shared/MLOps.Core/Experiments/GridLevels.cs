namespace MLOps.Core.Experiments;

/// <summary>The values a grid tries for one parameter, in ascending order.</summary>
public static class GridLevels
{
    public static IReadOnlyList<string> For(ParameterRange range, int levels)
    {
        ParameterCodec.Validate(range);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(levels);
        if (range.Kind == ParameterKind.Categorical)
        {
            return range.Choices!;
        }

        var values = new List<string>(levels);
        for (int i = 0; i < levels; i++)
        {
            // Evenly spaced in the kind's own scale: linear for floats and integers, geometric for log-floats.
            double t = levels == 1 ? 0.5 : (double)i / (levels - 1);
            values.Add(Level(range, t));
        }

        // Rounding integers can land two levels on the same value; keep the first.
        return values.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Level(ParameterRange range, double t)
    {
        if (range.Kind == ParameterKind.Integer)
        {
            double low = Math.Ceiling(range.Low);
            double high = Math.Floor(range.High);
            return ParameterCodec.FromInternal(range, low + (t * (high - low)));
        }

        // Endpoints exactly, so the grid edges are the declared bounds and not exp(log(x)).
        if (t == 0)
        {
            return ParameterCodec.FormatFloat(range.Low);
        }

        if (t == 1)
        {
            return ParameterCodec.FormatFloat(range.High);
        }

        (double lowInternal, double highInternal) = range.Kind == ParameterKind.LogFloat
            ? (Math.Log(range.Low), Math.Log(range.High))
            : (range.Low, range.High);
        return ParameterCodec.FromInternal(range, lowInternal + (t * (highInternal - lowInternal)));
    }
}
