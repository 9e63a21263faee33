using System.Security.Cryptography;

namespace MLOps.Core.FeatureStore.Offline;

/// <summary>
/// A forward-only stream that hashes what passes through and counts its position: the Parquet writer asks for
/// the position to record column offsets, which a blob upload stream cannot tell.
/// </summary>
internal sealed class HashingWriteStream(Stream inner) : Stream
{
    private readonly IncrementalHash sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long position;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => this.position;

    public override long Position
    {
        get => this.position;
        set => throw new NotSupportedException("The feature-set stream is written front to back.");
    }

    public string Sha256() => Convert.ToHexStringLower(this.sha.GetCurrentHash());

    public override void Write(byte[] buffer, int offset, int count) => this.Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        this.sha.AppendData(buffer);
        this.position += buffer.Length;
        inner.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        this.WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        this.sha.AppendData(buffer.Span);
        this.position += buffer.Length;
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            this.sha.Dispose();
        }

        base.Dispose(disposing);
    }
}
