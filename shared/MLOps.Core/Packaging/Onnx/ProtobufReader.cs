using System.Text;

namespace MLOps.Core.Packaging.Onnx;

/// <summary>
/// A minimal reader of the protobuf wire format over bytes already in memory: tags, varints, fixed-width values and
/// length-delimited fields, each checked against what remains (a length past the end, a varint longer than ten bytes,
/// a field number of 0, a group or an unknown wire type is malformed). It never allocates more than the strings it is
/// asked for, so a hostile length cannot make it reserve memory.
/// </summary>
internal ref struct ProtobufReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> data;
    private readonly long origin;
    private int position;

    public ProtobufReader(ReadOnlySpan<byte> data, long origin = 0)
    {
        this.data = data;
        this.origin = origin;
    }

    public readonly bool AtEnd => this.position >= this.data.Length;

    /// <summary>Reads the next tag; false at the end of the data.</summary>
    public bool Next(out int field, out WireType type)
    {
        if (this.AtEnd)
        {
            (field, type) = (0, WireType.Varint);
            return false;
        }

        (field, type) = this.ReadTag();
        return true;
    }

    /// <summary>The absolute offset in the file of the next byte.</summary>
    public readonly long Offset => this.origin + this.position;

    public (int Field, WireType Type) ReadTag()
    {
        long at = this.Offset;
        ulong tag = this.ReadVarint();
        ulong field = tag >> 3;
        int type = (int)(tag & 7);
        if (field is 0 or > 536_870_911)
        {
            throw new MalformedModelException(at, $"field number {field} is outside 1..536870911");
        }

        return type switch
        {
            0 or 1 or 2 or 5 => ((int)field, (WireType)type),
            3 or 4 => throw new MalformedModelException(at, $"field {field} uses a protobuf group, which ONNX never writes"),
            _ => throw new MalformedModelException(at, $"field {field} has the invalid wire type {type}"),
        };
    }

    public ulong ReadVarint()
    {
        long at = this.Offset;
        ulong value = 0;
        for (int i = 0; i < 10; i++)
        {
            if (this.position >= this.data.Length)
            {
                throw new MalformedModelException(at, "the file ends inside a varint (truncated)");
            }

            byte b = this.data[this.position++];
            if (i == 9 && b > 1)
            {
                throw new MalformedModelException(at, "a varint overflows 64 bits");
            }

            value |= (ulong)(b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new MalformedModelException(at, "a varint is longer than 10 bytes");
    }

    /// <summary>The payload of a length-delimited field, and the file offset it starts at.</summary>
    public ReadOnlySpan<byte> ReadLengthDelimited(out long start)
    {
        long at = this.Offset;
        ulong length = this.ReadVarint();
        int remaining = this.data.Length - this.position;
        if (length > (ulong)remaining)
        {
            throw new MalformedModelException(at, $"a field claims {length} bytes but only {remaining} remain (truncated)");
        }

        start = this.Offset;
        ReadOnlySpan<byte> payload = this.data.Slice(this.position, (int)length);
        this.position += (int)length;
        return payload;
    }

    public string ReadString()
    {
        ReadOnlySpan<byte> bytes = this.ReadLengthDelimited(out long start);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new MalformedModelException(start, "a string field is not valid UTF-8");
        }
    }

    public void Skip(WireType type)
    {
        switch (type)
        {
            case WireType.Varint:
                this.ReadVarint();
                break;
            case WireType.Fixed64:
                this.Advance(8);
                break;
            case WireType.Fixed32:
                this.Advance(4);
                break;
            case WireType.LengthDelimited:
                this.ReadLengthDelimited(out _);
                break;
            default:
                throw new MalformedModelException(this.Offset, $"cannot skip wire type {type}");
        }
    }

    private void Advance(int count)
    {
        if (this.data.Length - this.position < count)
        {
            throw new MalformedModelException(this.Offset, $"the file ends inside a {count}-byte value (truncated)");
        }

        this.position += count;
    }
}
