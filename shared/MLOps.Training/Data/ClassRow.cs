#pragma warning disable CA1819 // ML.NET binds rows by reflection and wants array-typed vector columns.
namespace MLOps.Training.Data;

/// <summary>A row shape ML.NET reads; public because its reflection-emitted getters cannot see internal types.</summary>
public sealed class ClassRow
{
    public uint Label { get; set; }

    public float[] Features { get; set; } = [];

    /// <summary>The row's example weight; read only by trainers told to weight (class weighting), 1 otherwise.</summary>
    public float Weight { get; set; } = 1;
}
