using System.Text;

namespace MLOps.Core.Packaging.Onnx;

/// <summary>
/// The interface of an ONNX model — its graph's inputs (initializers excluded) and outputs with element types and
/// shapes — read straight from the ModelProto's protobuf bytes, so the domain can describe a model for serving
/// (package.json, Triton's config.pbtxt) without a runtime. Only tensor-typed values are supported: a sequence or
/// map output has no Triton data type, and is refused rather than described wrongly.
/// </summary>
public sealed record OnnxModelInfo(IReadOnlyList<OnnxTensorInfo> Inputs, IReadOnlyList<OnnxTensorInfo> Outputs)
{
    // Field numbers of onnx.proto3 (ModelProto, GraphProto, ValueInfoProto, TypeProto, TensorShapeProto).
    private const int ModelGraph = 7;
    private const int GraphInitializer = 5;
    private const int GraphInput = 11;
    private const int GraphOutput = 12;
    private const int TensorName = 8;
    private const int ValueName = 1;
    private const int ValueType = 2;
    private const int TypeTensor = 1;
    private const int TensorElementType = 1;
    private const int TensorShape = 2;
    private const int ShapeDim = 1;
    private const int DimValue = 1;

    public static OnnxModelInfo Read(ReadOnlySpan<byte> model)
    {
        try
        {
            return ReadGraph(model);
        }
        catch (MalformedModelException e)
        {
            throw new InvalidDataException($"The ONNX model is not valid protobuf ({e.Message}).", e);
        }
    }

    private static OnnxModelInfo ReadGraph(ReadOnlySpan<byte> model)
    {
        ReadOnlySpan<byte> graph = default;
        bool found = false;
        var reader = new ProtobufReader(model);
        while (reader.Next(out int field, out WireType wire))
        {
            if (field == ModelGraph && wire == WireType.LengthDelimited)
            {
                graph = reader.ReadLengthDelimited(out _);
                found = true;
            }
            else
            {
                reader.Skip(wire);
            }
        }

        if (!found)
        {
            throw new InvalidDataException("The ONNX model has no graph.");
        }

        var initializers = new HashSet<string>(StringComparer.Ordinal);
        var inputs = new List<OnnxTensorInfo>();
        var outputs = new List<OnnxTensorInfo>();
        reader = new ProtobufReader(graph);
        while (reader.Next(out int field, out WireType wire))
        {
            switch (field)
            {
                case GraphInitializer when wire == WireType.LengthDelimited:
                    initializers.Add(NameOf(reader.ReadLengthDelimited(out _), TensorName));
                    break;
                case GraphInput when wire == WireType.LengthDelimited:
                    inputs.Add(ValueInfo(reader.ReadLengthDelimited(out _)));
                    break;
                case GraphOutput when wire == WireType.LengthDelimited:
                    outputs.Add(ValueInfo(reader.ReadLengthDelimited(out _)));
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        // Before IR version 4 initializers were listed among the inputs too; they are weights, not inputs.
        return new OnnxModelInfo([.. inputs.Where(i => !initializers.Contains(i.Name))], outputs);
    }

    private static string NameOf(ReadOnlySpan<byte> message, int nameField)
    {
        var reader = new ProtobufReader(message);
        string name = string.Empty;
        while (reader.Next(out int field, out WireType wire))
        {
            if (field == nameField && wire == WireType.LengthDelimited)
            {
                name = Encoding.UTF8.GetString(reader.ReadLengthDelimited(out _));
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return name;
    }

    private static OnnxTensorInfo ValueInfo(ReadOnlySpan<byte> message)
    {
        var reader = new ProtobufReader(message);
        string name = string.Empty;
        ReadOnlySpan<byte> tensor = default;
        bool isTensor = false;
        while (reader.Next(out int field, out WireType wire))
        {
            if (field == ValueName && wire == WireType.LengthDelimited)
            {
                name = Encoding.UTF8.GetString(reader.ReadLengthDelimited(out _));
            }
            else if (field == ValueType && wire == WireType.LengthDelimited)
            {
                var type = new ProtobufReader(reader.ReadLengthDelimited(out _));
                while (type.Next(out int typeField, out WireType typeWire))
                {
                    if (typeField == TypeTensor && typeWire == WireType.LengthDelimited)
                    {
                        tensor = type.ReadLengthDelimited(out _);
                        isTensor = true;
                    }
                    else
                    {
                        type.Skip(typeWire);
                    }
                }
            }
            else
            {
                reader.Skip(wire);
            }
        }

        if (!isTensor)
        {
            throw new InvalidDataException($"The ONNX value '{name}' is not a tensor; only tensor inputs and outputs can be served.");
        }

        int elementType = 0;
        var shape = new List<long>();
        var tensorReader = new ProtobufReader(tensor);
        while (tensorReader.Next(out int field, out WireType wire))
        {
            if (field == TensorElementType && wire == WireType.Varint)
            {
                elementType = (int)tensorReader.ReadVarint();
            }
            else if (field == TensorShape && wire == WireType.LengthDelimited)
            {
                var dims = new ProtobufReader(tensorReader.ReadLengthDelimited(out _));
                while (dims.Next(out int dimField, out WireType dimWire))
                {
                    if (dimField == ShapeDim && dimWire == WireType.LengthDelimited)
                    {
                        shape.Add(Dimension(dims.ReadLengthDelimited(out _)));
                    }
                    else
                    {
                        dims.Skip(dimWire);
                    }
                }
            }
            else
            {
                tensorReader.Skip(wire);
            }
        }

        return new OnnxTensorInfo(name, elementType, shape);
    }

    /// <summary>A fixed dimension's size; -1 for a symbolic (dim_param) or unset one.</summary>
    private static long Dimension(ReadOnlySpan<byte> message)
    {
        var reader = new ProtobufReader(message);
        long value = -1;
        while (reader.Next(out int field, out WireType wire))
        {
            if (field == DimValue && wire == WireType.Varint)
            {
                value = (long)reader.ReadVarint();
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return value;
    }
}
