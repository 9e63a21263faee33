namespace MLOps.Core.Packaging.Onnx;

/// <summary>
/// A forward-only reader of protobuf wire format over a span: field keys, varints and length-delimited payloads,
/// skipping the rest. Every length is checked against what is left, so a truncated or hostile file throws
/// <see cref="InvalidDataException"/> rather than reading out of bounds.
/// </summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> data)
{
    public const int VarintWire = 0;
    public const int Fixed64 = 1;
    public const int LengthDelimited = 2;
    public const int Fixed32 = 5;

    private readonly ReadOnlySpan<byte> data = data;
    private int position;

    public bool Next(out int field, out int wire)
    {
        if (this.position >= this.data.Length)
        {
            field = 0;
            wire = 0;
            return false;
        }

        ulong key = this.Varint();
        field = (int)(key >> 3);
        wire = (int)(key & 7);
        return field > 0 ? true : throw new InvalidDataException("The ONNX model is not valid protobuf (field number 0).");
    }

    public ulong Varint()
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (this.position >= this.data.Length)
            {
                throw new InvalidDataException("The ONNX model is truncated (inside a varint).");
            }

            byte b = this.data[this.position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("The ONNX model is not valid protobuf (a varint longer than 10 bytes).");
    }

    public ReadOnlySpan<byte> Bytes()
    {
        ulong length = this.Varint();
        if (length > (ulong)(this.data.Length - this.position))
        {
            throw new InvalidDataException("The ONNX model is truncated (a field runs past the end).");
        }

        ReadOnlySpan<byte> bytes = this.data.Slice(this.position, (int)length);
        this.position += (int)length;
        return bytes;
    }

    public void Skip(int wire)
    {
        switch (wire)
        {
            case VarintWire:
                this.Varint();
                break;
            case LengthDelimited:
                this.Bytes();
                break;
            case Fixed64:
                this.Advance(8);
                break;
            case Fixed32:
                this.Advance(4);
                break;
            default:
                throw new InvalidDataException($"The ONNX model is not valid protobuf (wire type {wire}).");
        }
    }

    private void Advance(int count)
    {
        if (count > this.data.Length - this.position)
        {
            throw new InvalidDataException("The ONNX model is truncated (a fixed-width field runs past the end).");
        }

        this.position += count;
    }
}
