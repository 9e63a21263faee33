using System.Diagnostics.CodeAnalysis;

namespace MLOps.Core.Experiments;

/// <summary>
/// One hyper-parameter's domain. Numeric bounds are inclusive; categorical choices are the invariant strings a trial
/// passes back, so every kind travels through the same string-valued trial parameters. A categorical range needs no
/// bounds, so a request may leave them out.
/// </summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Factory names mirror ParameterKind.")]
public sealed record ParameterRange(
    string Name,
    ParameterKind Kind,
    double Low = 0,
    double High = 0,
    IReadOnlyList<string>? Choices = null)
{
    public static ParameterRange Integer(string name, int low, int high) => new(name, ParameterKind.Integer, low, high);

    public static ParameterRange Float(string name, double low, double high) => new(name, ParameterKind.Float, low, high);

    public static ParameterRange LogFloat(string name, double low, double high) => new(name, ParameterKind.LogFloat, low, high);

    public static ParameterRange Categorical(string name, params string[] choices) => new(name, ParameterKind.Categorical, 0, 0, choices);

    /// <summary>Every problem of a range a caller sent, named under <paramref name="path"/>: bounds that cannot be sampled are refused before a search starts.</summary>
    public IReadOnlyList<string> Validate(string path)
    {
        var problems = new List<string>();
        if (Naming.NameRules.Key.Problem($"{path}.name", this.Name) is { } name)
        {
            problems.Add(name);
        }

        if (this.Kind == ParameterKind.Categorical)
        {
            if (this.Choices is not { Count: > 0 and <= 100 } choices || choices.Any(c => Naming.NameRules.Key.Problem("choice", c) is not null))
            {
                problems.Add($"{path}.choices must hold 1 to 100 choices of 1 to {Naming.NameRules.MaxKeyLength} characters");
            }

            return problems;
        }

        if (!double.IsFinite(this.Low) || !double.IsFinite(this.High) || this.Low > this.High)
        {
            problems.Add($"{path}: low and high must be finite numbers with low <= high");
        }
        else if (this.Kind == ParameterKind.LogFloat && this.Low <= 0)
        {
            problems.Add($"{path}.low must be positive for a LogFloat range");
        }
        else if (this.Kind == ParameterKind.Integer && (this.Low != Math.Floor(this.Low) || this.High != Math.Floor(this.High) || this.Low < int.MinValue || this.High > int.MaxValue))
        {
            problems.Add($"{path}: low and high must be integers for an Integer range");
        }

        return problems;
    }
}
