namespace MLOps.Core.Packaging.Onnx;

/// <summary>The protobuf wire types (the low three bits of a tag). Start/end group (3, 4) are deprecated and unused by ONNX.</summary>
internal enum WireType
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    StartGroup = 3,
    EndGroup = 4,
    Fixed32 = 5,
}
