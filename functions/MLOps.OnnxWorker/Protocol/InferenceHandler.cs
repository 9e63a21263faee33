using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using Microsoft.Extensions.Options;
using MLOps.OnnxWorker.Batching;
using MLOps.OnnxWorker.Hosting;
using MLOps.OnnxWorker.Metrics;
using MLOps.OnnxWorker.Models;

namespace MLOps.OnnxWorker.Protocol;

/// <summary>
/// POST /v2/models/{name}[/versions/{version}]/infer: finds the version (404), reads the body in place (413 beyond
/// Worker:MaxRequestBytes), checks it against the model (400 naming the field), runs it through the version's
/// scheduler — batched with concurrent requests or alone — and writes the response. Bad input is never a 500.
/// </summary>
public sealed class InferenceHandler(ModelRepository models, WorkerMetrics metrics, IOptions<WorkerOptions> options)
{
    public async Task InferAsync(HttpContext context, string name, string? version)
    {
        ArgumentNullException.ThrowIfNull(context);
        LoadedModel? model = models.Find(name, version);
        if (model is null || !model.TryAcquire())
        {
            metrics.Error(ModelTags.Unknown, ModelTags.Unknown, StatusCodes.Status404NotFound);
            await V2Results.WriteErrorAsync(context, StatusCodes.Status404NotFound, NotFound(name, version));
            return;
        }

        try
        {
            metrics.Request(model.Tags);
            await this.RunAsync(context, model);
        }
        catch (V2Exception e)
        {
            metrics.Error(model.Name, model.Version, e.Status);
            await V2Results.WriteErrorAsync(context, e.Status, e.Message);
        }
        finally
        {
            model.Release();
        }
    }

    public static string NotFound(string name, string? version) =>
        version is null ? $"Model '{name}' is not loaded on this worker." : $"Model '{name}' version '{version}' is not loaded on this worker.";

    private async Task RunAsync(HttpContext context, LoadedModel model)
    {
        long limit = options.Value.MaxRequestBytes;
        if (context.Request.ContentLength > limit)
        {
            throw new V2Exception(StatusCodes.Status413PayloadTooLarge, $"The body is {context.Request.ContentLength} bytes; this worker takes at most {limit} (Worker:MaxRequestBytes).");
        }

        PipeReader body = context.Request.BodyReader;
        ReadResult read;
        while (true)
        {
            read = await body.ReadAsync(context.RequestAborted);
            if (read.Buffer.Length > limit)
            {
                body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                throw new V2Exception(StatusCodes.Status413PayloadTooLarge, $"The body is over {limit} bytes (Worker:MaxRequestBytes).");
            }

            if (read.IsCompleted)
            {
                break;
            }

            body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }

        int maxRows = options.Value.MaxBatchSize;
        int width = model.Signature.Width;
        InferRequest request;
        try
        {
            request = InferRequestReader.Read(
                read.Buffer,
                maxRows * width,
                () => string.Create(CultureInfo.InvariantCulture, $"The input's data holds more than {maxRows * width} values: more than {maxRows} rows of width {width} (Worker:MaxBatchSize)."));
        }
        finally
        {
            body.AdvanceTo(read.Buffer.End);
        }

        using (request)
        {
            (int rows, int[] outputs) = InferValidation.Check(request, model.Signature, maxRows);
            using var work = new InferenceWork(request.Input!.TakeValues(), rows, width, outputs);
            await model.Scheduler.RunAsync(work);
            if (work.Error is { } error)
            {
                metrics.Error(model.Name, model.Version, StatusCodes.Status500InternalServerError);
                await V2Results.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, $"ONNX Runtime failed to run the model: {error.Message}");
                return;
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            InferResponseWriter.Write(context.Response.BodyWriter, model, request.Id, work);
            await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
        }
    }
}
