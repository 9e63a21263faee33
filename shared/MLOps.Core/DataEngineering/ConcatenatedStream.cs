namespace MLOps.Core.DataEngineering;

/// <summary>A forward-only read of several streams one after another (a file's header, then one chunk of its records).</summary>
internal sealed class ConcatenatedStream(params Stream[] parts) : Stream
{
    private int current;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) =>
        this.ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (this.current < parts.Length)
        {
            int read = await parts[this.current].ReadAsync(buffer, cancellationToken);
            if (read > 0)
            {
                return read;
            }

            this.current++;
        }

        return 0;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        this.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        foreach (Stream part in parts)
        {
            await part.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (Stream part in parts)
            {
                part.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
