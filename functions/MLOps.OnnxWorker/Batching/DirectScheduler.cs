namespace MLOps.OnnxWorker.Batching;

/// <summary>Dynamic batching off: each request runs alone, on its own thread, concurrently with the others.</summary>
public sealed class DirectScheduler(ModelExecution execution) : IInferenceScheduler
{
    public ValueTask RunAsync(InferenceWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        work.StartedAlone();
        execution.Run([work]);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
