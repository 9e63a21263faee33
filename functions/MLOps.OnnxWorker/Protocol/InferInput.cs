using System.Buffers;

namespace MLOps.OnnxWorker.Protocol;

/// <summary>
/// The first input of an inference request as read: its name, datatype and shape as given, and its data flattened
/// row-major into a pooled array, with what the reader noticed about the data (a non-numeric element, a nesting
/// that is not the shape) kept for validation, which reports the datatype and shape first.
/// </summary>
public sealed class InferInput : IDisposable
{
    public const int MaxRank = 8;

    private float[] values = ArrayPool<float>.Shared.Rent(64);

    public string? Name { get; set; }

    public string? Datatype { get; set; }

    public long[]? Shape { get; set; }

    public int Count { get; private set; }

    /// <summary>The first problem with an element (not a number, not finite in FP32), or null.</summary>
    public string? ElementProblem { get; set; }

    /// <summary>Whether the data was given as one flat array (depth 1) or nested.</summary>
    public int Depth { get; set; }

    /// <summary>The length of the arrays at each depth of a nested data array; null entries beyond <see cref="Depth"/>.</summary>
    public int[] Lengths { get; } = new int[MaxRank];

    /// <summary>Arrays of different lengths at one depth, or numbers at more than one depth.</summary>
    public bool Ragged { get; set; }

    public ReadOnlySpan<float> Values => this.values.AsSpan(0, this.Count);

    /// <summary>Hands the array over to the caller (who returns it to the pool).</summary>
    public float[] TakeValues()
    {
        float[] taken = this.values;
        this.values = [];
        return taken;
    }

    public void Add(float value, int maxValues, Func<string> tooMany)
    {
        if (this.Count >= maxValues)
        {
            throw new V2Exception(400, tooMany());
        }

        if (this.Count == this.values.Length)
        {
            float[] larger = ArrayPool<float>.Shared.Rent(Math.Min(maxValues, this.values.Length * 2));
            this.values.AsSpan(0, this.Count).CopyTo(larger);
            ArrayPool<float>.Shared.Return(this.values);
            this.values = larger;
        }

        this.values[this.Count++] = value;
    }

    public void Dispose()
    {
        if (this.values.Length > 0)
        {
            ArrayPool<float>.Shared.Return(this.values);
            this.values = [];
        }
    }
}
