#pragma warning disable CA1819 // ML.NET binds rows by reflection and wants array-typed vector columns.
namespace MLOps.Training.Data;

/// <summary>A row shape ML.NET reads; public because its reflection-emitted getters cannot see internal types.</summary>
public sealed class FeatureRow
{
    public float[] Features { get; set; } = [];
}
