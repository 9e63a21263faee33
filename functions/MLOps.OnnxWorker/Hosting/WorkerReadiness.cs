namespace MLOps.OnnxWorker.Hosting;

/// <summary>
/// Server readiness: ready once the host has started (ONNX Runtime initialised, the provider probed) and until it
/// begins to stop, so a pool never routes to a worker that is starting or draining. Models load on request, after.
/// </summary>
public sealed class WorkerReadiness
{
    private volatile bool ready;

    public bool IsReady => this.ready;

    public void Started() => this.ready = true;

    public void Stopping() => this.ready = false;
}
