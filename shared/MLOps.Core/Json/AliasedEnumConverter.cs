using System.Text.Json;
using System.Text.Json.Serialization;

namespace MLOps.Core.Json;

/// <summary>
/// Enums as their names for request bodies: read case-insensitively, aliases included, never from numbers;
/// written as the canonical name.
/// </summary>
public sealed class AliasedEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && JsonEnumNames.TryParse(typeof(TEnum), reader.GetString(), ignoreCase: true, out object? value)
                ? (TEnum)value!
                : throw new JsonException($"must be one of: {JsonEnumNames.Describe(typeof(TEnum))}");

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(JsonEnumNames.NameOf(typeof(TEnum), value));
    }
}
