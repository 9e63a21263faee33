namespace MLOps.Core.Serving.Workers;

/// <summary>
/// One output tensor of an inference, row-major. <see cref="Data"/> holds every element as a double, which is exact
/// for FP32, the integer types up to 2^53 and BOOL (0 or 1); a NaN score stays NaN.
/// </summary>
public sealed record InferenceOutput(string Name, string Datatype, IReadOnlyList<long> Shape, double[] Data)
{
    /// <summary>The values as the model produced them, for an FP32 output.</summary>
    public float[] ToSingles()
    {
        if (this.Datatype != WorkerProtocol.Fp32)
        {
            throw new InvalidOperationException($"Output '{this.Name}' is {this.Datatype}, not {WorkerProtocol.Fp32}.");
        }

        return Array.ConvertAll(this.Data, v => (float)v);
    }
}
