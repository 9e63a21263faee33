using Google.Protobuf;

namespace MLOps.UnitTests.Core.Integration.Security;

/// <summary>
/// Hand-made ONNX protobufs written with Google.Protobuf's CodedOutputStream (an independent writer, not the scan's
/// reader), field numbers as in onnx.proto; each helper returns a message's bytes to embed in the next.
/// </summary>
internal static class OnnxBytes
{
    public static byte[] Model(long irVersion, IEnumerable<byte[]> opsets, byte[]? graph, IEnumerable<byte[]>? functions = null) => Write(o =>
    {
        Varint(o, 1, irVersion);
        if (graph is not null)
        {
            Embedded(o, 7, graph);
        }

        foreach (byte[] opset in opsets)
        {
            Embedded(o, 8, opset);
        }

        foreach (byte[] function in functions ?? [])
        {
            Embedded(o, 25, function);
        }
    });

    public static byte[] Opset(string domain, long version) => Write(o =>
    {
        Text(o, 1, domain);
        Varint(o, 2, version);
    });

    public static byte[] Graph(IEnumerable<byte[]> nodes, IEnumerable<byte[]>? initializers = null) => Write(o =>
    {
        foreach (byte[] node in nodes)
        {
            Embedded(o, 1, node);
        }

        Text(o, 2, "g");
        foreach (byte[] tensor in initializers ?? [])
        {
            Embedded(o, 5, tensor);
        }
    });

    public static byte[] Node(string opType, string domain = "", params byte[][] attributes) => Write(o =>
    {
        Text(o, 1, "x");
        Text(o, 2, "y");
        Text(o, 4, opType);
        foreach (byte[] attribute in attributes)
        {
            Embedded(o, 5, attribute);
        }

        if (domain.Length > 0)
        {
            Text(o, 7, domain);
        }
    });

    /// <summary>A float tensor; with locations its data is declared external (data_location 1, one "location" entry each).</summary>
    public static byte[] Tensor(string name, params string[] locations) => Write(o =>
    {
        Varint(o, 1, 2);
        Varint(o, 2, 1);
        Text(o, 8, name);
        if (locations.Length == 0)
        {
            Embedded(o, 9, [0, 0, 128, 63, 0, 0, 0, 64]);
            return;
        }

        foreach (string location in locations)
        {
            Embedded(o, 13, Write(e =>
            {
                Text(e, 1, "location");
                Text(e, 2, location);
            }));
        }

        Varint(o, 14, 1);
    });

    public static byte[] GraphAttribute(string name, byte[] graph) => Write(o =>
    {
        Text(o, 1, name);
        Varint(o, 20, 5);
        Embedded(o, 6, graph);
    });

    public static byte[] TensorAttribute(string name, byte[] tensor) => Write(o =>
    {
        Text(o, 1, name);
        Varint(o, 20, 4);
        Embedded(o, 5, tensor);
    });

    public static byte[] Write(Action<CodedOutputStream> write)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        write(output);
        output.Flush();
        return stream.ToArray();
    }

    public static void Varint(CodedOutputStream o, int field, long value)
    {
        o.WriteTag(field, WireFormat.WireType.Varint);
        o.WriteInt64(value);
    }

    public static void Text(CodedOutputStream o, int field, string value)
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteString(value);
    }

    public static void Embedded(CodedOutputStream o, int field, byte[] message)
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteBytes(ByteString.CopyFrom(message));
    }
}
