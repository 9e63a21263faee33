namespace MLOps.Core.DataEngineering;

/// <summary>
/// A forward-only stream that passes CSV through to the staged snapshot while noting its shape and length, so a
/// converted snapshot gets chunk offsets of its own bytes in the same single pass that writes them.
/// </summary>
internal sealed class ShapingWriteStream(Stream inner, CsvShape shape) : Stream
{
    private long position;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => this.position;

    public override long Position
    {
        get => this.position;
        set => throw new NotSupportedException("The snapshot is written front to back.");
    }

    public override void Write(byte[] buffer, int offset, int count) => this.Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        shape.Add(buffer);
        this.position += buffer.Length;
        inner.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        this.WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        shape.Add(buffer.Span);
        this.position += buffer.Length;
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
