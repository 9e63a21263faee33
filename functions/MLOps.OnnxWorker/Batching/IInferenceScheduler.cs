namespace MLOps.OnnxWorker.Batching;

/// <summary>How a model version's requests reach ONNX Runtime: batched (<see cref="DynamicBatcher"/>) or one by one (<see cref="DirectScheduler"/>).</summary>
public interface IInferenceScheduler : IAsyncDisposable
{
    /// <summary>Completes once the work's batch has run; the outcome (outputs or <see cref="InferenceWork.Error"/>) is on the work.</summary>
    ValueTask RunAsync(InferenceWork work);
}
