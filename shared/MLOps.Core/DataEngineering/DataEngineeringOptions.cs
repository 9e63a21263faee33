namespace MLOps.Core.DataEngineering;

/// <summary>Limits and fan-out sizes of the data engineering pipeline (configuration section <c>DataEngineering</c>).</summary>
public sealed class DataEngineeringOptions
{
    public const string SectionName = "DataEngineering";

    /// <summary>Landed files larger than this are rejected before a byte is copied.</summary>
    public long MaxFileBytes { get; set; } = 4L << 30;

    /// <summary>Data records per profiling chunk: the unit of the row fan-out.</summary>
    public long ChunkRows { get; set; } = 250_000;

    /// <summary>Columns per profiling activity: the unit of the column fan-out.</summary>
    public int ColumnGroupSize { get; set; } = 8;
}
