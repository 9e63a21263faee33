using Microsoft.ML.OnnxRuntime;
using MLOps.OnnxWorker.Batching;
using MLOps.OnnxWorker.Metrics;
using MLOps.OnnxWorker.Onnx;

namespace MLOps.OnnxWorker.Models;

/// <summary>
/// One served model version: its session, signature, buffers and scheduler, and where it came from. Requests hold a
/// lease while they run; unloading stops new leases, waits for the held ones, then frees the native session.
/// </summary>
public sealed class LoadedModel
{
    private readonly InferenceSession session;
    private readonly RunBufferPool buffers;
    private readonly TaskCompletionSource drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock gate = new();
    private int leases;
    private bool retiring;

    public LoadedModel(string name, int version, string package, string provider, InferenceSession session, ModelSignature signature, RunBufferPool buffers, IInferenceScheduler scheduler, ModelTags tags)
    {
        this.Name = name;
        this.VersionNumber = version;
        this.Version = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        this.Package = package;
        this.Provider = provider;
        this.session = session;
        this.Signature = signature;
        this.buffers = buffers;
        this.Scheduler = scheduler;
        this.Tags = tags;
    }

    public string Name { get; }

    public int VersionNumber { get; }

    public string Version { get; }

    public string Package { get; }

    public string Provider { get; }

    public ModelSignature Signature { get; }

    public IInferenceScheduler Scheduler { get; }

    public ModelTags Tags { get; }

    /// <summary>False once the version is being unloaded: the caller treats it as gone.</summary>
    public bool TryAcquire()
    {
        lock (this.gate)
        {
            if (this.retiring)
            {
                return false;
            }

            this.leases++;
            return true;
        }
    }

    public void Release()
    {
        lock (this.gate)
        {
            if (--this.leases == 0 && this.retiring)
            {
                this.drained.TrySetResult();
            }
        }
    }

    /// <summary>Waits for the requests in flight, then disposes the scheduler, the buffers and the session.</summary>
    public async Task RetireAsync()
    {
        lock (this.gate)
        {
            this.retiring = true;
            if (this.leases == 0)
            {
                this.drained.TrySetResult();
            }
        }

        await this.drained.Task;
        await this.Scheduler.DisposeAsync();
        this.buffers.Dispose();
        this.session.Dispose();
    }
}
