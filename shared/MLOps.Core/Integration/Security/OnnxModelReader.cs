using MLOps.Core.Packaging.Onnx;

namespace MLOps.Core.Integration.Security;

/// <summary>
/// Reads the fields of an ONNX <c>ModelProto</c> the scan needs, following onnx.proto's field numbers: ir_version (1),
/// opset_import (8), graph (7), training_info (20) and functions (25); in graphs the nodes (1), initializers (5) and
/// sparse initializers (15); in nodes op_type (4), domain (7) and attributes (5), whose tensors (t 5, tensors 10,
/// sparse 22/23) and subgraphs (g 6, graphs 11) are read in turn; in tensors external_data (13) and data_location
/// (14). Everything else is skipped by wire type. A known field with the wrong wire type, or nesting deeper than the
/// limit, is malformed.
/// </summary>
internal sealed class OnnxModelReader(int maxDepth)
{
    private const int DataLocationExternal = 1;

    private readonly OnnxModelFacts facts = new();

    public static OnnxModelFacts Read(ReadOnlySpan<byte> model, int maxDepth)
    {
        var reader = new OnnxModelReader(maxDepth);
        reader.Model(new ProtobufReader(model));
        return reader.facts;
    }

    private void Model(ProtobufReader r)
    {
        int opsets = 0, trainings = 0, functions = 0;
        while (!r.AtEnd)
        {
            (int field, WireType type) = r.ReadTag();
            switch (field)
            {
                case 1:
                    Expect(ref r, type, WireType.Varint, "ModelProto.ir_version");
                    this.facts.IrVersion = (long)r.ReadVarint();
                    break;
                case 7:
                    this.Graph(this.Open(ref r, type, "ModelProto.graph", 1), "graph", 1);
                    this.facts.HasGraph = true;
                    break;
                case 8:
                    this.Opset(this.Open(ref r, type, "ModelProto.opset_import", 1), $"opset_import[{opsets++}]");
                    break;
                case 20:
                    this.TrainingInfo(this.Open(ref r, type, "ModelProto.training_info", 1), $"training_info[{trainings++}]", 1);
                    break;
                case 25:
                    this.Function(this.Open(ref r, type, "ModelProto.functions", 1), $"functions[{functions++}]", 1);
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }
    }

    private void Opset(ProtobufReader r, string where)
    {
        string domain = string.Empty;
        long version = 0;
        while (!r.AtEnd)
        {
            (int field, WireType type) = r.ReadTag();
            if (field == 1)
            {
                Expect(ref r, type, WireType.LengthDelimited, "OperatorSetIdProto.domain");
                domain = r.ReadString();
            }
            else if (field == 2)
            {
                Expect(ref r, type, WireType.Varint, "OperatorSetIdProto.version");
                version = (long)r.ReadVarint();
            }
            else
            {
                r.Skip(type);
            }
        }

        this.facts.Opsets.Add((domain, version, where));
    }

    private void Graph(ProtobufReader r, string where, int depth)
    {
        int nodes = 0, initializers = 0, sparse = 0;
        while (!r.AtEnd)
        {
            (int field, WireType type) = r.ReadTag();
            switch (field)
            {
                case 1:
                    this.Node(this.Open(ref r, type, "GraphProto.node", depth + 1), $"{where}.node[{nodes++}]", depth + 1);
                    break;
                case 5:
                    this.Tensor(this.Open(ref r, type, "GraphProto.initializer", depth + 1), $"{where}.initializer[{initializers++}]", depth + 1);
                    break;
                case 15:
                    this.SparseTensor(this.Open(ref r, type, "GraphProto.sparse_initializer", depth + 1), $"{where}.sparse_initializer[{sparse++}]", depth + 1);
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }
    }

    private void Node(ProtobufReader r, string where, int depth)
    {
        string opType = string.Empty, domain = string.Empty;
        int attributes = 0;
        while (!r.AtEnd)
        {
            (int field, WireType type) = r.ReadTag();
            switch (field)
            {
                case 4:
                    Expect(ref r, type, WireType.LengthDelimited, "NodeProto.op_type");
                    opType = r.ReadString();
                    break;
                case 7:
                    Expect(ref r, type, WireType.LengthDelimited, "NodeProto.domain");
                    domain = r.ReadString();
                    break;
                case 5:
                    this.Attribute(this.Open(ref r, type, "NodeProto.attribute", depth + 1), $"{where}.attribute[{attributes++}]", depth + 1);
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }

        this.facts.Nodes.Add((opType, domain, where));
    }

    private void Attribute(ProtobufReader r, string where, int depth)
    {
        int tensors = 0, graphs = 0, sparse = 0;
        while (!r.AtEnd)
        {
            (int field, WireType type) = r.ReadTag();
            switch (field)
            {
                case 5:
                    this.Tensor(this.Open(ref r, type, "AttributeProto.t", depth + 1), $"{where}.t", depth + 1);
                    break;
                case 6:
                    this.Graph(this.Open(ref r, type, "AttributeProto.g", depth + 1), $"{where}.g", depth + 1);
                    break;
                case 10:
                    this.Tensor(this.Open(ref r, type, "AttributeProto.tensors", depth + 1), $"{where}.tensors[{tensors++}]", depth + 1);
                    break;
                case 11:
                    this.Graph(this.Open(ref r, type, "AttributeProto.graphs", depth + 1), $"{where}.graphs[{graphs++}]", depth + 1);
                    break;
                case 22:
                    this.SparseTensor(this.Open(ref r, type, "AttributeProto.sparse_tensor", depth + 1), $"{where}.sparse_tensor", depth + 1);
                    break;
                case 23:
                    this.SparseTensor(this.Open(ref r, type, "AttributeProto.sparse_tensors", depth + 1), $"{where}.sparse_tensors[{sparse++}]", depth + 1);
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }
    }

    private void Tensor(ProtobufReader r, string where, int depth)
    {
        string name = string.Empty;
        bool external = false;
        List<string> locations = [];
        bool hasEntries = false;
        while (!r.AtEnd)
        {
            (int field, WireType type) = r.ReadTag();
            switch (field)
            {
                case 8:
                    Expect(ref r, type, WireType.LengthDelimited, "TensorProto.name");
                    name = r.ReadString();
                    break;
                case 13:
                    hasEntries = true;
                    if (ExternalEntry(this.Open(ref r, type, "TensorProto.external_data", depth + 1)) is { } location)
                    {
                        locations.Add(location);
                    }

                    break;
                case 14:
                    Expect(ref r, type, WireType.Varint, "TensorProto.data_location");
                    external |= r.ReadVarint() == DataLocationExternal;
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }

        if (external || hasEntries)
        {
            this.facts.ExternalTensors.Add((name, where, locations, external));
        }
    }

    /// <returns>The value of a "location" entry, else null.</returns>
    private static string? ExternalEntry(ProtobufReader r)
    {
        string? key = null, value = null;
        while (!r.AtEnd)
        {
            (int field, WireType type) = r.ReadTag();
            if (field is 1 or 2)
            {
                Expect(ref r, type, WireType.LengthDelimited, "StringStringEntryProto");
                string text = r.ReadString();
                (key, value) = field == 1 ? (text, value) : (key, text);
            }
            else
            {
                r.Skip(type);
            }
        }

        return key == "location" ? value ?? string.Empty : null;
    }

    private void SparseTensor(ProtobufReader r, string where, int depth)
    {
        while (!r.AtEnd)
        {
            (int field, WireType type) = r.ReadTag();
            if (field is 1 or 2)
            {
                this.Tensor(this.Open(ref r, type, "SparseTensorProto", depth + 1), $"{where}.{(field == 1 ? "values" : "indices")}", depth + 1);
            }
            else
            {
                r.Skip(type);
            }
        }
    }

    private void TrainingInfo(ProtobufReader r, string where, int depth)
    {
        while (!r.AtEnd)
        {
            (int field, WireType type) = r.ReadTag();
            if (field is 1 or 2)
            {
                this.Graph(this.Open(ref r, type, "TrainingInfoProto", depth + 1), $"{where}.{(field == 1 ? "initialization" : "algorithm")}", depth + 1);
            }
            else
            {
                r.Skip(type);
            }
        }
    }

    private void Function(ProtobufReader r, string where, int depth)
    {
        string name = string.Empty, domain = string.Empty;
        int nodes = 0, opsets = 0;
        while (!r.AtEnd)
        {
            (int field, WireType type) = r.ReadTag();
            switch (field)
            {
                case 1:
                    Expect(ref r, type, WireType.LengthDelimited, "FunctionProto.name");
                    name = r.ReadString();
                    break;
                case 10:
                    Expect(ref r, type, WireType.LengthDelimited, "FunctionProto.domain");
                    domain = r.ReadString();
                    break;
                case 7:
                    this.Node(this.Open(ref r, type, "FunctionProto.node", depth + 1), $"{where}.node[{nodes++}]", depth + 1);
                    break;
                case 9:
                    this.Opset(this.Open(ref r, type, "FunctionProto.opset_import", depth + 1), $"{where}.opset_import[{opsets++}]");
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }

        this.facts.Functions.Add((domain, name));
    }

    /// <summary>The reader of an embedded message, after checking its wire type and the nesting limit.</summary>
    private ProtobufReader Open(ref ProtobufReader r, WireType type, string field, int depth)
    {
        Expect(ref r, type, WireType.LengthDelimited, field);
        if (depth > maxDepth)
        {
            throw new MalformedModelException(r.Offset, $"messages nest deeper than {maxDepth} levels at {field}");
        }

        ReadOnlySpan<byte> payload = r.ReadLengthDelimited(out long start);
        return new ProtobufReader(payload, start);
    }

    private static void Expect(ref ProtobufReader r, WireType actual, WireType expected, string field)
    {
        if (actual != expected)
        {
            throw new MalformedModelException(r.Offset, $"{field} has wire type {actual}, expected {expected}");
        }
    }
}
