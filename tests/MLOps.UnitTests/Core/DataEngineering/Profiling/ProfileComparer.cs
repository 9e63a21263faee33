using MLOps.Core.DataEngineering;
using MLOps.Core.DataEngineering.Profiling;

namespace MLOps.UnitTests.Core.DataEngineering.Profiling;

/// <summary>Compares column profiles by content (records hold lists, which compare by reference).</summary>
internal sealed class ProfileComparer : IEqualityComparer<ColumnProfile>
{
    public static ProfileComparer Instance { get; } = new();

    public bool Equals(ColumnProfile? x, ColumnProfile? y) =>
        string.Equals(DataEngineeringJson.Serialize(x), DataEngineeringJson.Serialize(y), StringComparison.Ordinal);

    public int GetHashCode(ColumnProfile obj) => DataEngineeringJson.Serialize(obj).GetHashCode(StringComparison.Ordinal);
}
