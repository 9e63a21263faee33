using System.Diagnostics.CodeAnalysis;

namespace MLOps.Core.Experiments;

/// <summary>How a search strategy samples a hyper-parameter.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The kind names are the contract the search strategies share.")]
public enum ParameterKind
{
    /// <summary>Whole numbers in [Low, High], uniform.</summary>
    Integer,

    /// <summary>Reals in [Low, High], uniform.</summary>
    Float,

    /// <summary>Reals in [Low, High], uniform in log space; Low must be positive.</summary>
    LogFloat,

    /// <summary>One of <see cref="ParameterRange.Choices"/>; Low and High are unused.</summary>
    Categorical,
}
