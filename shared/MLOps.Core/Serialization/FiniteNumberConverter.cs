using System.Text.Json;
using System.Text.Json.Serialization;

namespace MLOps.Core.Serialization;

/// <summary>
/// Every double and float a record serialises is finite or null: NaN and ±∞ are written as null (System.Text.Json
/// throws on them by default, and writing them as the strings "NaN"/"Infinity" makes JSON other tools reject), and
/// a null read into a non-nullable double or float is NaN, so a missing value survives the round trip. Add
/// <see cref="Instance"/> to the options of any record that can carry a statistic, a metric or a feature value.
/// </summary>
public sealed class FiniteNumberConverter : JsonConverterFactory
{
    public static FiniteNumberConverter Instance { get; } = new();

    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert == typeof(double) || typeToConvert == typeof(double?) || typeToConvert == typeof(float) || typeToConvert == typeof(float?);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        typeToConvert == typeof(double) ? new DoubleConverter()
        : typeToConvert == typeof(double?) ? new NullableDoubleConverter()
        : typeToConvert == typeof(float) ? new SingleConverter()
        : new NullableSingleConverter();

    private static double Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

    private static void Write(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static void WriteSingle(Utf8JsonWriter writer, float value)
    {
        // As a float, so 0.1f is written 0.1, not the double 0.10000000149011612.
        if (float.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private sealed class DoubleConverter : JsonConverter<double>
    {
        public override bool HandleNull => true;

        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => FiniteNumberConverter.Read(ref reader);

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => FiniteNumberConverter.Write(writer, value);
    }

    private sealed class NullableDoubleConverter : JsonConverter<double?>
    {
        public override bool HandleNull => true;

        public override double? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double? value, JsonSerializerOptions options) =>
            FiniteNumberConverter.Write(writer, value ?? double.NaN);
    }

    private sealed class SingleConverter : JsonConverter<float>
    {
        public override bool HandleNull => true;

        public override float Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? float.NaN : reader.GetSingle();

        public override void Write(Utf8JsonWriter writer, float value, JsonSerializerOptions options) => WriteSingle(writer, value);
    }

    private sealed class NullableSingleConverter : JsonConverter<float?>
    {
        public override bool HandleNull => true;

        public override float? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : reader.GetSingle();

        public override void Write(Utf8JsonWriter writer, float? value, JsonSerializerOptions options) => WriteSingle(writer, value ?? float.NaN);
    }
}
