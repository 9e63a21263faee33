using System.Diagnostics.CodeAnalysis;

namespace MLOps.Core.Requirements;

/// <summary>The logical type of a raw column, as the data validator will parse it.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "These are data-type names spec authors write.")]
public enum ColumnType
{
    Integer,
    Number,
    Boolean,
    Categorical,
    Text,
    DateTime,
}
