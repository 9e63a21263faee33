namespace MLOps.Core.Storage;

/// <summary>Sees each block of bytes as it passes through an <see cref="ObservedWriteStream"/>.</summary>
internal delegate void ByteObserver(ReadOnlySpan<byte> bytes);

/// <summary>
/// A forward-only write stream that shows every byte to an observer (a hash, a CSV shape) and counts its position
/// on the way to the inner stream: a blob upload stream can tell neither, and writers such as Parquet ask for the
/// position, while content addresses and chunk offsets must come from the same single pass that writes the bytes.
/// </summary>
internal sealed class ObservedWriteStream(Stream inner, ByteObserver observe) : Stream
{
    private long position;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => this.position;

    public override long Position
    {
        get => this.position;
        set => throw new NotSupportedException("The stream is written front to back.");
    }

    public override void Write(byte[] buffer, int offset, int count) => this.Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        observe(buffer);
        this.position += buffer.Length;
        inner.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        this.WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        observe(buffer.Span);
        this.position += buffer.Length;
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
