namespace MLOps.UnitTests.Core.DataEngineering.Csv;

/// <summary>Hands out at most <c>chunk</c> bytes per read, to put every boundary case across reads; counts what was read.</summary>
internal sealed class TrickleStream(byte[] content, int chunk) : Stream
{
    private int position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => content.Length;

    public override long Position
    {
        get => this.position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = Math.Min(Math.Min(count, chunk), content.Length - this.position);
        Array.Copy(content, this.position, buffer, offset, n);
        this.position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
