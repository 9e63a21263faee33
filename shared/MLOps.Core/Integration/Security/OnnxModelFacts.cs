namespace MLOps.Core.Integration.Security;

/// <summary>What the scan reads from a model: the few fields that decide what the model can make a runtime do.</summary>
internal sealed class OnnxModelFacts
{
    public long? IrVersion { get; set; }

    public bool HasGraph { get; set; }

    public List<(string Domain, long Version, string Where)> Opsets { get; } = [];

    public List<(string OpType, string Domain, string Where)> Nodes { get; } = [];

    /// <summary>Tensors that declare external data (data_location EXTERNAL or any external_data entry), with their locations.</summary>
    public List<(string Name, string Where, IReadOnlyList<string> Locations, bool DeclaredExternal)> ExternalTensors { get; } = [];

    public List<(string Domain, string Name)> Functions { get; } = [];
}
