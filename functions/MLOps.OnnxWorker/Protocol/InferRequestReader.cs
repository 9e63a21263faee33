using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MLOps.Core.Serving.Workers;

namespace MLOps.OnnxWorker.Protocol;

/// <summary>
/// Reads a V2 inference request straight from the request body's bytes with <see cref="Utf8JsonReader"/>: no
/// document, no per-element objects. Tensor data may be flat or nested (the spec allows both, row-major); FP32
/// elements are JSON numbers, or the string "NaN" for a missing value (JSON has no NaN). The first input's data goes
/// into a pooled array bounded by <paramref name="maxValues"/>, so an oversized request is refused as it is read.
/// Malformed JSON, wrong types and excess data are <see cref="V2Exception"/>s (400).
/// </summary>
public static class InferRequestReader
{
    public static InferRequest Read(ReadOnlySequence<byte> body, int maxValues, Func<string> tooMany)
    {
        var request = new InferRequest();
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = InferInput.MaxRank + 4 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new V2Exception(400, "The body must be a JSON object: {\"inputs\": [...]}.");
            }

            while (Next(ref reader) != JsonTokenType.EndObject)
            {
                if (reader.ValueTextEquals("id"u8))
                {
                    request.Id = Next(ref reader) switch
                    {
                        JsonTokenType.String => reader.GetString(),
                        JsonTokenType.Null => null,
                        _ => throw new V2Exception(400, "\"id\" must be a string."),
                    };
                }
                else if (reader.ValueTextEquals("inputs"u8))
                {
                    ReadArrayOfObjects(ref reader, "inputs");
                    while (Next(ref reader) != JsonTokenType.EndArray)
                    {
                        ExpectObject(ref reader, "inputs");
                        if (++request.InputCount == 1)
                        {
                            request.Input = new InferInput();
                            ReadInput(ref reader, request.Input, maxValues, tooMany);
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }
                }
                else if (reader.ValueTextEquals("outputs"u8))
                {
                    ReadArrayOfObjects(ref reader, "outputs");
                    request.Outputs = [];
                    while (Next(ref reader) != JsonTokenType.EndArray)
                    {
                        ExpectObject(ref reader, "outputs");
                        request.Outputs.Add(ReadOutputName(ref reader));
                    }
                }
                else
                {
                    // "parameters" and anything else: the spec lets servers ignore what they do not define.
                    Next(ref reader);
                    reader.Skip();
                }
            }

            if (reader.Read())
            {
                throw new V2Exception(400, "The body holds more than one JSON value.");
            }

            return request;
        }
        catch (JsonException e)
        {
            request.Dispose();
            throw new V2Exception(400, $"The body is not valid JSON: {e.Message}");
        }
        catch
        {
            request.Dispose();
            throw;
        }
    }

    private static void ReadInput(ref Utf8JsonReader reader, InferInput input, int maxValues, Func<string> tooMany)
    {
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                input.Name = Next(ref reader) == JsonTokenType.String ? reader.GetString() : throw new V2Exception(400, "An input's \"name\" must be a string.");
            }
            else if (reader.ValueTextEquals("datatype"u8))
            {
                input.Datatype = Next(ref reader) == JsonTokenType.String ? reader.GetString() : throw new V2Exception(400, "An input's \"datatype\" must be a string.");
            }
            else if (reader.ValueTextEquals("shape"u8))
            {
                input.Shape = ReadShape(ref reader);
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                ReadData(ref reader, input, maxValues, tooMany);
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }
    }

    private static long[] ReadShape(ref Utf8JsonReader reader)
    {
        if (Next(ref reader) != JsonTokenType.StartArray)
        {
            throw new V2Exception(400, "An input's \"shape\" must be an array of non-negative integers.");
        }

        var shape = new List<long>(2);
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out long dimension) || dimension < 0 || shape.Count == InferInput.MaxRank)
            {
                throw new V2Exception(400, $"An input's \"shape\" must be an array of at most {InferInput.MaxRank} non-negative integers.");
            }

            shape.Add(dimension);
        }

        return [.. shape];
    }

    /// <summary>
    /// Flattens the data array, recording its nesting: the length of the arrays at each depth (all must agree) and the
    /// depth where the numbers are (one depth only).
    /// </summary>
    private static void ReadData(ref Utf8JsonReader reader, InferInput input, int maxValues, Func<string> tooMany)
    {
        if (Next(ref reader) != JsonTokenType.StartArray)
        {
            throw new V2Exception(400, "An input's \"data\" must be an array (flat, or nested as its shape).");
        }

        Span<int> counts = stackalloc int[InferInput.MaxRank];
        input.Lengths.AsSpan().Fill(-1);
        int depth = 1;
        int leafDepth = 0;
        counts[0] = 0;
        while (depth > 0)
        {
            JsonTokenType token = Next(ref reader);
            if (token == JsonTokenType.StartArray)
            {
                if (depth == InferInput.MaxRank)
                {
                    throw new V2Exception(400, $"An input's \"data\" is nested deeper than {InferInput.MaxRank} levels.");
                }

                counts[depth - 1]++;
                if (leafDepth != 0 && depth >= leafDepth)
                {
                    input.Ragged = true;
                }

                counts[depth++] = 0;
                continue;
            }

            if (token == JsonTokenType.EndArray)
            {
                int length = counts[depth - 1];
                if (input.Lengths[depth - 1] == -1)
                {
                    input.Lengths[depth - 1] = length;
                }
                else if (input.Lengths[depth - 1] != length)
                {
                    input.Ragged = true;
                }

                input.Depth = Math.Max(input.Depth, depth);
                depth--;
                continue;
            }

            counts[depth - 1]++;
            if (leafDepth == 0)
            {
                leafDepth = depth;
            }
            else if (leafDepth != depth)
            {
                input.Ragged = true;
            }

            input.Add(Element(ref reader, input), maxValues, tooMany);
        }
    }

    private static float Element(ref Utf8JsonReader reader, InferInput input)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetSingle(out float value) && float.IsFinite(value):
                return value;
            case JsonTokenType.String when reader.ValueTextEquals("NaN"u8):
                return float.NaN;
            default:
                input.ElementProblem ??= string.Create(
                    CultureInfo.InvariantCulture,
                    $"data element {input.Count} is {Describe(ref reader)}; FP32 data are finite numbers, or \"NaN\" for a missing value.");
                return float.NaN;
        }
    }

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number => $"{Raw(ref reader)}, outside the FP32 range",
        JsonTokenType.String => $"the string \"{Shorten(reader.GetString() ?? string.Empty)}\"",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "an object",
    };

    private static string Raw(ref Utf8JsonReader reader) =>
        Shorten(Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray()));

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string ReadOutputName(ref Utf8JsonReader reader)
    {
        string? name = null;
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                name = Next(ref reader) == JsonTokenType.String ? reader.GetString() : throw new V2Exception(400, "An output's \"name\" must be a string.");
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }

        return name ?? throw new V2Exception(400, "Each requested output needs a \"name\".");
    }

    private static void ReadArrayOfObjects(ref Utf8JsonReader reader, string property)
    {
        if (Next(ref reader) != JsonTokenType.StartArray)
        {
            throw new V2Exception(400, $"\"{property}\" must be an array of objects.");
        }
    }

    private static void ExpectObject(ref Utf8JsonReader reader, string property)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new V2Exception(400, $"\"{property}\" must be an array of objects.");
        }
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new V2Exception(400, "The body ends before its JSON is complete.");
}
