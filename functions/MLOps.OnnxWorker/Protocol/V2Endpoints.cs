using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MLOps.Core.Packaging;
using MLOps.Core.Serving.Workers;
using MLOps.OnnxWorker.Hosting;
using MLOps.OnnxWorker.Metrics;
using MLOps.OnnxWorker.Models;
using MLOps.OnnxWorker.Onnx;
using MLOps.OnnxWorker.Packages;

namespace MLOps.OnnxWorker.Protocol;

/// <summary>
/// The worker's routes: the KServe V2 required API (server metadata, health, model metadata and readiness,
/// inference), Triton's model-repository extension (index, load, unload) and Prometheus /metrics. Every error is
/// the protocol's {"error": "..."}: 400 bad request, 404 unknown model or package, 409 a package that does not
/// verify or a model the worker cannot serve, 413 an oversized body.
/// </summary>
public static class V2Endpoints
{
    private const int MaxLoadBodyBytes = 64 * 1024;

    public static void MapV2(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/v2", (ExecutionProvider provider) => Results.Json(new
        {
            name = "mlops-onnx-worker",
            version = typeof(V2Endpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0",
            extensions = new[] { WorkerProtocol.ModelRepositoryExtension },
            parameters = new Dictionary<string, string> { [WorkerProtocol.ProviderParameter] = provider.Current },
        }));
        app.MapGet("/v2/health/live", () => Results.Json(new { live = true }));
        app.MapGet("/v2/health/ready", (WorkerReadiness readiness) =>
            Results.Json(new { ready = readiness.IsReady }, statusCode: readiness.IsReady ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable));

        app.MapGet("/v2/models/{name}", (string name, ModelRepository models) => Metadata(models, name, null));
        app.MapGet("/v2/models/{name}/versions/{version}", (string name, string version, ModelRepository models) => Metadata(models, name, version));
        app.MapGet("/v2/models/{name}/ready", (string name, ModelRepository models) => Ready(models, name, null));
        app.MapGet("/v2/models/{name}/versions/{version}/ready", (string name, string version, ModelRepository models) => Ready(models, name, version));
        app.MapPost("/v2/models/{name}/infer", (HttpContext context, string name, InferenceHandler handler) => handler.InferAsync(context, name, null));
        app.MapPost("/v2/models/{name}/versions/{version}/infer", (HttpContext context, string name, string version, InferenceHandler handler) => handler.InferAsync(context, name, version));

        app.MapPost("/v2/repository/index", IndexAsync);
        app.MapPost("/v2/repository/models/{name}/load", LoadAsync);
        app.MapPost("/v2/repository/models/{name}/unload", async (string name, ModelRepository models) =>
            Results.Json(new { name, unloaded = await models.UnloadAsync(name) }));

        app.MapGet("/metrics", (PrometheusExposition exposition) => Results.Text(exposition.Write(), PrometheusExposition.ContentType));
        app.MapFallback((HttpContext context) => V2Results.Error(StatusCodes.Status404NotFound, $"No route {context.Request.Method} {context.Request.Path}."));
    }

    private static IResult Metadata(ModelRepository models, string name, string? version) =>
        models.Find(name, version) is { } model
            ? Results.Json(ModelMetadataResult.Of(model, models.Versions(name)))
            : V2Results.Error(StatusCodes.Status404NotFound, InferenceHandler.NotFound(name, version));

    private static IResult Ready(ModelRepository models, string name, string? version) =>
        models.Find(name, version) is { } model
            ? Results.Json(new { name = model.Name, ready = true })
            : V2Results.Error(StatusCodes.Status404NotFound, InferenceHandler.NotFound(name, version));

    private static async Task<IResult> IndexAsync(HttpRequest request, ModelRepository models)
    {
        JsonElement? body = await ReadJsonAsync(request);
        bool readyOnly = false;
        if (body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("ready", out JsonElement ready))
        {
            readyOnly = ready.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new V2Exception(400, "\"ready\" must be a boolean."),
            };
        }

        var entries = models.All
            .Select(m => new { name = m.Name, version = (string?)m.Version, state = "READY", reason = string.Empty })
            .Concat(readyOnly ? [] : models.Failures.Select(f => new { name = f.Key, version = (string?)null, state = "UNAVAILABLE", reason = f.Value }))
            .OrderBy(e => e.name, StringComparer.Ordinal)
            .ToArray();
        return Results.Json(entries);
    }

    private static async Task<IResult> LoadAsync(string name, HttpRequest request, ModelRepository models)
    {
        if (!WorkerProtocol.IsValidModelName(name))
        {
            return V2Results.Error(400, $"'{name}' is not a model name: 1-{WorkerProtocol.MaxModelNameLength} letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }

        JsonElement? body = await ReadJsonAsync(request);
        if (body is not { ValueKind: JsonValueKind.Object } b
            || !b.TryGetProperty("parameters", out JsonElement parameters)
            || parameters.ValueKind != JsonValueKind.Object
            || !parameters.TryGetProperty(WorkerProtocol.PackageParameter, out JsonElement package)
            || package.ValueKind != JsonValueKind.String)
        {
            return V2Results.Error(400, "The load body must be {\"parameters\": {\"package\": \"<digest>\"}}: the digest of a signed package in container 'packages'.");
        }

        string digest = package.GetString()!;
        if (!PackageDigests.IsValid(digest))
        {
            return V2Results.Error(400, $"parameters.package '{digest}' is not a package digest (64 lower-case hex digits).");
        }

        try
        {
            LoadedModel loaded = await models.LoadAsync(name, digest, request.HttpContext.RequestAborted);
            return Results.Json(ModelMetadataResult.Of(loaded, models.Versions(name)));
        }
        catch (PackageRefusedException e)
        {
            return V2Results.Error(e.Status, e.Message);
        }
    }

    /// <summary>A small JSON body (index, load), or null when empty; malformed JSON is a 400.</summary>
    private static async Task<JsonElement?> ReadJsonAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxLoadBodyBytes)
        {
            throw new V2Exception(413, $"The body is over {MaxLoadBodyBytes} bytes.");
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length > MaxLoadBodyBytes)
        {
            throw new V2Exception(413, $"The body is over {MaxLoadBodyBytes} bytes.");
        }

        if (buffer.Length == 0)
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(buffer.ToArray());
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new V2Exception(400, $"The body is not valid JSON: {e.Message}");
        }
    }
}
