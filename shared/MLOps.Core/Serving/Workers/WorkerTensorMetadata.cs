namespace MLOps.Core.Serving.Workers;

/// <summary>One input or output of a served model: name, V2 datatype (e.g. FP32, BOOL) and shape, -1 for the batch dimension.</summary>
public sealed record WorkerTensorMetadata(string Name, string Datatype, IReadOnlyList<long> Shape);
