using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace MLOps.Core.Serving.Workers;

/// <summary>
/// Typed client of one ONNX worker over its KServe V2 REST routes (health, metadata, inference) and the
/// model-repository extension (index, load, unload). The <see cref="HttpClient"/> is the caller's (shared, pooled);
/// every request names <see cref="Endpoint"/> absolutely. A non-success answer throws
/// <see cref="InferenceWorkerException"/> with the worker's error text; a worker that does not answer throws it with
/// no status.
/// </summary>
public sealed class InferenceWorkerClient
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient http;
    private readonly AuthenticationHeaderValue? authorization;

    /// <param name="accessKey">The worker's access key (Worker:AccessKey), sent as a bearer token; null when it has none.</param>
    public InferenceWorkerClient(HttpClient http, Uri endpoint, string? accessKey = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"'{endpoint}' is not an absolute http(s) URL.", nameof(endpoint));
        }

        this.http = http;
        this.Endpoint = endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
        this.authorization = string.IsNullOrEmpty(accessKey) ? null : new AuthenticationHeaderValue("Bearer", accessKey);
    }

    public Uri Endpoint { get; }

    /// <summary>GET /v2/health/live; false when the worker does not answer 200.</summary>
    public Task<bool> IsLiveAsync(CancellationToken cancellationToken = default) => this.ProbeAsync("v2/health/live", cancellationToken);

    /// <summary>GET /v2/health/ready; false when the worker does not answer 200 (starting, stopping or unreachable).</summary>
    public Task<bool> IsReadyAsync(CancellationToken cancellationToken = default) => this.ProbeAsync("v2/health/ready", cancellationToken);

    /// <summary>GET /v2/models/{name}[/versions/{version}]/ready.</summary>
    public Task<bool> IsModelReadyAsync(string name, string? version = null, CancellationToken cancellationToken = default) =>
        this.ProbeAsync(WorkerProtocol.ModelPath(name, version) + "/ready", cancellationToken);

    /// <summary>GET /v2/models/{name}[/versions/{version}]: the version's tensors, package digest and provider.</summary>
    public async Task<WorkerModelMetadata> GetMetadataAsync(string name, string? version = null, CancellationToken cancellationToken = default)
    {
        using JsonDocument body = await this.SendAsync(HttpMethod.Get, WorkerProtocol.ModelPath(name, version), null, cancellationToken);
        return ReadMetadata(body.RootElement);
    }

    /// <summary>
    /// POST /v2/repository/models/{name}/load with the package digest: the worker verifies the package's signature and
    /// every file's digest before it serves its model/model.onnx under <paramref name="name"/>. Returns the metadata of
    /// the loaded version.
    /// </summary>
    public async Task<WorkerModelMetadata> LoadAsync(string name, string packageDigest, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(packageDigest);
        byte[] content = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, Dictionary<string, string>>
        {
            ["parameters"] = new() { [WorkerProtocol.PackageParameter] = packageDigest },
        });
        using JsonDocument body = await this.SendAsync(HttpMethod.Post, $"v2/repository/models/{Uri.EscapeDataString(name)}/load", content, cancellationToken);
        return ReadMetadata(body.RootElement);
    }

    /// <summary>POST /v2/repository/models/{name}/unload: every version of the name; unloading a name not loaded is not an error.</summary>
    public async Task UnloadAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        using JsonDocument _ = await this.SendAsync(HttpMethod.Post, $"v2/repository/models/{Uri.EscapeDataString(name)}/unload", "{}"u8.ToArray(), cancellationToken);
    }

    /// <summary>POST /v2/repository/index: the loaded versions (READY) and names whose last load failed (UNAVAILABLE, with the reason).</summary>
    public async Task<IReadOnlyList<WorkerModelIndexEntry>> GetIndexAsync(bool readyOnly = false, CancellationToken cancellationToken = default)
    {
        byte[] content = readyOnly ? """{"ready":true}"""u8.ToArray() : "{}"u8.ToArray();
        using JsonDocument body = await this.SendAsync(HttpMethod.Post, "v2/repository/index", content, cancellationToken);
        return body.RootElement.EnumerateArray()
            .Select(e => new WorkerModelIndexEntry(
                e.GetProperty("name").GetString()!,
                e.TryGetProperty("version", out JsonElement v) ? v.GetString() : null,
                e.GetProperty("state").GetString()!,
                e.TryGetProperty("reason", out JsonElement r) && r.GetString() is { Length: > 0 } reason ? reason : null))
            .ToArray();
    }

    /// <summary>
    /// POST /v2/models/{name}[/versions/{version}]/infer with <paramref name="rows"/> (row-major, <paramref name="width"/>
    /// features per row, NaN for a missing value) as the model's FP32 input of shape [rows, width].
    /// </summary>
    public async Task<InferenceResult> InferAsync(
        string name,
        string? version,
        ReadOnlyMemory<float> rows,
        int width,
        InferenceRequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (rows.Length == 0 || rows.Length % width != 0)
        {
            throw new ArgumentException($"{rows.Length} values are not whole rows of width {width}.", nameof(rows));
        }

        options ??= InferenceRequestOptions.Default;
        byte[] content = WriteInferRequest(rows.Span, width, options);
        using JsonDocument body = await this.SendAsync(HttpMethod.Post, WorkerProtocol.ModelPath(name, version) + "/infer", content, cancellationToken);
        return ReadResult(body.RootElement);
    }

    /// <summary>GET /metrics: the worker's Prometheus text exposition.</summary>
    public async Task<string> GetMetricsTextAsync(CancellationToken cancellationToken = default)
    {
        using HttpRequestMessage request = this.Request(HttpMethod.Get, "metrics", null);
        using HttpResponseMessage response = await this.SendRawAsync(request, cancellationToken);
        string text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode ? text : throw new InferenceWorkerException(this.Endpoint, response.StatusCode, text);
    }

    /// <summary>The V2 request body: one FP32 input [n, width], data flat and row-major; NaN as the string "NaN" (JSON has no NaN).</summary>
    internal static byte[] WriteInferRequest(ReadOnlySpan<float> rows, int width, InferenceRequestOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + (rows.Length * 12));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (options.Id is not null)
            {
                writer.WriteString("id", options.Id);
            }

            writer.WriteStartArray("inputs");
            writer.WriteStartObject();
            writer.WriteString("name", options.InputName);
            writer.WriteString("datatype", WorkerProtocol.Fp32);
            writer.WriteStartArray("shape");
            writer.WriteNumberValue(rows.Length / width);
            writer.WriteNumberValue(width);
            writer.WriteEndArray();
            writer.WriteStartArray("data");
            for (int i = 0; i < rows.Length; i++)
            {
                float value = rows[i];
                if (float.IsNaN(value))
                {
                    writer.WriteStringValue("NaN");
                }
                else if (float.IsInfinity(value))
                {
                    throw new ArgumentException($"Value {i} (row {i / width}, column {i % width}) is infinite; a model row holds finite values or NaN.", nameof(rows));
                }
                else
                {
                    writer.WriteNumberValue(value);
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            if (options.Outputs is { } outputs)
            {
                writer.WriteStartArray("outputs");
                foreach (string output in outputs)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", output);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    internal static WorkerModelMetadata ReadMetadata(JsonElement root)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("parameters", out JsonElement p) && p.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty parameter in p.EnumerateObject())
            {
                parameters[parameter.Name] = parameter.Value.ValueKind == JsonValueKind.String ? parameter.Value.GetString()! : parameter.Value.GetRawText();
            }
        }

        return new WorkerModelMetadata(
            root.GetProperty("name").GetString()!,
            root.TryGetProperty("versions", out JsonElement versions) ? versions.EnumerateArray().Select(v => v.GetString()!).ToArray() : [],
            root.GetProperty("platform").GetString()!,
            Tensors(root.GetProperty("inputs")),
            Tensors(root.GetProperty("outputs")),
            parameters);

        static WorkerTensorMetadata[] Tensors(JsonElement array) => array.EnumerateArray()
            .Select(t => new WorkerTensorMetadata(
                t.GetProperty("name").GetString()!,
                t.GetProperty("datatype").GetString()!,
                t.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray()))
            .ToArray();
    }

    internal static InferenceResult ReadResult(JsonElement root)
    {
        var outputs = new List<InferenceOutput>();
        foreach (JsonElement output in root.GetProperty("outputs").EnumerateArray())
        {
            string datatype = output.GetProperty("datatype").GetString()!;
            var data = new List<double>();
            Flatten(output.GetProperty("data"), datatype == WorkerProtocol.Fp32, data);
            outputs.Add(new InferenceOutput(
                output.GetProperty("name").GetString()!,
                datatype,
                output.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray(),
                [.. data]));
        }

        return new InferenceResult(
            root.GetProperty("model_name").GetString()!,
            root.TryGetProperty("model_version", out JsonElement version) ? version.GetString() : null,
            root.TryGetProperty("id", out JsonElement id) ? id.GetString() : null,
            outputs);

        // An FP32 value is written as the shortest text that round-trips to the float; read it back as that float
        // (then widened), not as the nearest double to the text, which would differ from the model's output.
        static void Flatten(JsonElement element, bool single, List<double> into)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Array:
                    foreach (JsonElement item in element.EnumerateArray())
                    {
                        Flatten(item, single, into);
                    }

                    break;
                case JsonValueKind.True:
                    into.Add(1);
                    break;
                case JsonValueKind.False:
                    into.Add(0);
                    break;
                case JsonValueKind.String when element.GetString() is "NaN" or "Infinity" or "-Infinity":
                    // JSON has no non-finite numbers; the worker writes them as these strings.
                    into.Add(double.Parse(element.GetString()!, CultureInfo.InvariantCulture));
                    break;
                case JsonValueKind.Number:
                    into.Add(single ? element.GetSingle() : element.GetDouble());
                    break;
                default:
                    throw new InvalidDataException($"Unexpected tensor element {element.GetRawText()} in a worker's response.");
            }
        }
    }

    private async Task<bool> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            using HttpRequestMessage request = this.Request(HttpMethod.Get, path, null);
            using HttpResponseMessage response = await this.http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient's own timeout.
            return false;
        }
    }

    private async Task<JsonDocument> SendAsync(HttpMethod method, string path, byte[]? content, CancellationToken cancellationToken)
    {
        using HttpRequestMessage request = this.Request(method, path, content);
        using HttpResponseMessage response = await this.SendRawAsync(request, cancellationToken);
        byte[] bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InferenceWorkerException(this.Endpoint, response.StatusCode, ErrorText(bytes));
        }

        try
        {
            return JsonDocument.Parse(bytes.Length == 0 ? "{}"u8.ToArray() : bytes);
        }
        catch (JsonException e)
        {
            throw new InferenceWorkerException(this.Endpoint, response.StatusCode, "The worker's answer is not JSON.", e);
        }
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await this.http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new InferenceWorkerException(this.Endpoint, null, $"no answer ({e.Message})", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InferenceWorkerException(this.Endpoint, null, "no answer within the client's timeout", e);
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string path, byte[]? content)
    {
        var request = new HttpRequestMessage(method, new Uri(this.Endpoint, path));
        request.Headers.Authorization = this.authorization;
        if (content is not null)
        {
            request.Content = new ByteArrayContent(content);
            request.Content.Headers.ContentType = Json;
        }

        return request;
    }

    private static string ErrorText(byte[] body)
    {
        try
        {
            using JsonDocument error = JsonDocument.Parse(body);
            if (error.RootElement.ValueKind == JsonValueKind.Object && error.RootElement.TryGetProperty("error", out JsonElement text))
            {
                return text.GetString() ?? string.Empty;
            }
        }
        catch (JsonException)
        {
            // Not the protocol's error object: report the text itself, shortened.
        }

        string raw = Encoding.UTF8.GetString(body);
        return raw.Length <= 500 ? raw : string.Create(CultureInfo.InvariantCulture, $"{raw[..500]}…");
    }
}
