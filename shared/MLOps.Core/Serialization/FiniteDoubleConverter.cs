using System.Text.Json;
using System.Text.Json.Serialization;

namespace MLOps.Core.Serialization;

/// <summary>
/// Writes NaN and ±∞ as JSON null and reads null back as NaN, for <c>double</c> and (through System.Text.Json's
/// nullable wrapper) <c>double?</c>, alone or inside lists and dictionaries. See <see cref="FiniteJson"/>.
/// </summary>
public sealed class FiniteDoubleConverter : JsonConverter<double>
{
    public override bool HandleNull => true;

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        FiniteJson.ReadNumber(ref reader, options);

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
