namespace MLOps.OnnxWorker.Protocol;

/// <summary>An inference request as read: the id to echo, the first input (others only counted), the outputs asked for.</summary>
public sealed class InferRequest : IDisposable
{
    public string? Id { get; set; }

    public InferInput? Input { get; set; }

    public int InputCount { get; set; }

    /// <summary>Names of the outputs asked for; null: all of the model's outputs.</summary>
    public List<string>? Outputs { get; set; }

    public void Dispose() => this.Input?.Dispose();
}
