using System.Diagnostics.CodeAnalysis;

namespace MLOps.Core.Experiments;

/// <summary>
/// One hyper-parameter's domain. Numeric bounds are inclusive; categorical choices are the invariant strings a trial
/// passes back, so every kind travels through the same string-valued trial parameters.
/// </summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Factory names mirror ParameterKind.")]
public sealed record ParameterRange(
    string Name,
    ParameterKind Kind,
    double Low,
    double High,
    IReadOnlyList<string>? Choices = null)
{
    public static ParameterRange Integer(string name, int low, int high) => new(name, ParameterKind.Integer, low, high);

    public static ParameterRange Float(string name, double low, double high) => new(name, ParameterKind.Float, low, high);

    public static ParameterRange LogFloat(string name, double low, double high) => new(name, ParameterKind.LogFloat, low, high);

    public static ParameterRange Categorical(string name, params string[] choices) => new(name, ParameterKind.Categorical, 0, 0, choices);
}
