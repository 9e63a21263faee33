using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime.Tensors;
using MLOps.OnnxWorker.Batching;
using MLOps.OnnxWorker.Models;
using MLOps.OnnxWorker.Onnx;

namespace MLOps.OnnxWorker.Protocol;

/// <summary>
/// Writes a V2 inference response straight into the response body: model name and version, the request's id, and
/// each output asked for with its datatype, shape [rows, ...] and data flat in row-major order. Non-finite floats
/// are written as the strings "NaN", "Infinity", "-Infinity" (JSON has no such numbers).
/// </summary>
public static class InferResponseWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(IBufferWriter<byte> body, LoadedModel model, string? id, InferenceWork work)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(work);
        using var writer = new Utf8JsonWriter(body, Options);
        writer.WriteStartObject();
        writer.WriteString("model_name"u8, model.Name);
        writer.WriteString("model_version"u8, model.Version);
        if (id is not null)
        {
            writer.WriteString("id"u8, id);
        }

        writer.WriteStartArray("outputs"u8);
        for (int i = 0; i < work.Outputs.Length; i++)
        {
            OutputTensor output = model.Signature.Outputs[work.Outputs[i]];
            writer.WriteStartObject();
            writer.WriteString("name"u8, output.Name);
            writer.WriteString("datatype"u8, output.Datatype);
            writer.WriteStartArray("shape"u8);
            writer.WriteNumberValue(work.RowCount);
            for (int d = 1; d < output.Dimensions.Length; d++)
            {
                writer.WriteNumberValue(output.Dimensions[d]);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("data"u8);
            WriteData(writer, output.ElementType, work.Result(i, model.Signature));
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteData(Utf8JsonWriter writer, TensorElementType type, ReadOnlySpan<byte> data)
    {
        switch (type)
        {
            case TensorElementType.Float:
                foreach (float v in MemoryMarshal.Cast<byte, float>(data))
                {
                    Floating(writer, v);
                }

                break;
            case TensorElementType.Double:
                foreach (double v in MemoryMarshal.Cast<byte, double>(data))
                {
                    Floating(writer, v);
                }

                break;
            case TensorElementType.Bool:
                foreach (byte v in data)
                {
                    writer.WriteBooleanValue(v != 0);
                }

                break;
            case TensorElementType.Int8:
                foreach (sbyte v in MemoryMarshal.Cast<byte, sbyte>(data))
                {
                    writer.WriteNumberValue(v);
                }

                break;
            case TensorElementType.UInt8:
                foreach (byte v in data)
                {
                    writer.WriteNumberValue(v);
                }

                break;
            case TensorElementType.Int16:
                foreach (short v in MemoryMarshal.Cast<byte, short>(data))
                {
                    writer.WriteNumberValue(v);
                }

                break;
            case TensorElementType.UInt16:
                foreach (ushort v in MemoryMarshal.Cast<byte, ushort>(data))
                {
                    writer.WriteNumberValue(v);
                }

                break;
            case TensorElementType.Int32:
                foreach (int v in MemoryMarshal.Cast<byte, int>(data))
                {
                    writer.WriteNumberValue(v);
                }

                break;
            case TensorElementType.UInt32:
                foreach (uint v in MemoryMarshal.Cast<byte, uint>(data))
                {
                    writer.WriteNumberValue(v);
                }

                break;
            case TensorElementType.Int64:
                foreach (long v in MemoryMarshal.Cast<byte, long>(data))
                {
                    writer.WriteNumberValue(v);
                }

                break;
            case TensorElementType.UInt64:
                foreach (ulong v in MemoryMarshal.Cast<byte, ulong>(data))
                {
                    writer.WriteNumberValue(v);
                }

                break;
            default:
                throw new NotSupportedException($"Element type {type} is refused at load.");
        }
    }

    private static void Floating(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static void Floating(Utf8JsonWriter writer, float value)
    {
        if (float.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(float.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }
}
