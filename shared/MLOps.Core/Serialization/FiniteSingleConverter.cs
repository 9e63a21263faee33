using System.Text.Json;
using System.Text.Json.Serialization;

namespace MLOps.Core.Serialization;

/// <summary>The <c>float</c> twin of <see cref="FiniteDoubleConverter"/>: feature values, ONNX inputs, input examples.</summary>
public sealed class FiniteSingleConverter : JsonConverter<float>
{
    public override bool HandleNull => true;

    public override float Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        (float)FiniteJson.ReadNumber(ref reader, options);

    public override void Write(Utf8JsonWriter writer, float value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (float.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
