using System.Security.Cryptography;
using MLOps.Core.FeatureStore;
using MLOps.Core.FeatureStore.Offline;

namespace MLOps.UnitTests.Core.FeatureStore.Offline;

public class FeatureParquetTests
{
    private static readonly FeatureTableSchema Table = new("customer_id", "ts", "label", ["x", "y_a"]);

    private static FeatureFrame Frame(int rows, double shift = 0) => new(
        [.. Enumerable.Range(0, rows).Select(i => $"c{i}")],
        [.. Enumerable.Range(0, rows).Select(i => new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i * 7.5))],
        [.. Enumerable.Range(0, rows).Select(i => i % 3 == 0 ? null : i % 2 == 0 ? "good" : "bad")],
        [
            new FeatureColumn("x", [.. Enumerable.Range(0, rows).Select(i => i % 5 == 0 ? double.NaN : (i * 0.25) + shift)]),
            new FeatureColumn("y_a", [.. Enumerable.Range(0, rows).Select(i => (double)(i % 2))]),
        ]);

    private static async Task<byte[]> WriteAsync(FeatureTableSchema table, FeatureFrame frame, int rowGroupSize)
    {
        using var buffer = new MemoryStream();
        using (var forwardOnly = new ForwardOnlyStream(buffer))
        {
            await using FeatureParquetWriter writer = await FeatureParquetWriter.CreateAsync(forwardOnly, table, rowGroupSize);
            await writer.WriteAsync(frame);
            await writer.CompleteAsync();
            Assert.Equal(frame.Rows, writer.Rows);
        }

        return buffer.ToArray();
    }

    private static async Task<List<FeatureFrame>> ReadAsync(byte[] bytes)
    {
        var frames = new List<FeatureFrame>();
        await foreach (FeatureFrame frame in FeatureParquetReader.ReadAsync(new MemoryStream(bytes)))
        {
            frames.Add(frame);
        }

        return frames;
    }

    [Fact]
    public async Task The_same_rows_give_byte_identical_files()
    {
        byte[] first = await WriteAsync(Table, Frame(1000), 256);
        await Task.Delay(1100); // A second later: a written timestamp would differ.
        byte[] second = await WriteAsync(Table, Frame(1000), 256);
        byte[] changed = await WriteAsync(Table, Frame(1000, shift: 1e-9), 256);

        Assert.Equal(Convert.ToHexString(SHA256.HashData(first)), Convert.ToHexString(SHA256.HashData(second)));
        Assert.NotEqual(Convert.ToHexString(SHA256.HashData(first)), Convert.ToHexString(SHA256.HashData(changed)));
    }

    [Fact]
    public async Task Round_trip_keeps_keys_times_null_labels_and_NaN_in_row_groups()
    {
        FeatureFrame original = Frame(1000);

        List<FeatureFrame> frames = await ReadAsync(await WriteAsync(Table, original, 300));

        Assert.Equal([300, 300, 300, 100], frames.Select(f => f.Rows));
        Assert.Equal(original.Keys, frames.SelectMany(f => f.Keys));
        Assert.Equal(original.EventTimes!, frames.SelectMany(f => f.EventTimes!));
        Assert.Equal(original.Labels!, frames.SelectMany(f => f.Labels!));
        Assert.Null(frames[0].Labels![0]);
        foreach (string feature in Table.Features)
        {
            double[] read = [.. frames.SelectMany(f => f.Find(feature)!.Values)];
            Assert.Equal(original.Find(feature)!.Values, read); // xunit compares doubles so that NaN equals NaN
        }

        Assert.True(double.IsNaN(frames[0].Find("x")!.Values[0]));
        Assert.Equal(0.25, frames[0].Find("x")!.Values[1]);
    }

    [Fact]
    public async Task The_holdout_column_round_trips_and_a_table_without_it_reads_back_without_flags()
    {
        FeatureTableSchema table = Table with { HasHoldout = true };
        FeatureFrame frame = Frame(300) with { Holdout = [.. Enumerable.Range(0, 300).Select(i => i % 7 == 3)] };

        List<FeatureFrame> frames = await ReadAsync(await WriteAsync(table, frame, 128));
        List<FeatureFrame> without = await ReadAsync(await WriteAsync(Table, frame, 128));

        Assert.Equal(frame.Holdout, frames.SelectMany(f => f.Holdout!));
        Assert.Equal(["x", "y_a"], frames[0].Features.Select(f => f.Name));
        Assert.Equal(frame.Features[0].Values.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)), frames.SelectMany(f => f.Features[0].Values).Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(without, f => Assert.Null(f.Holdout));
        Assert.Throws<ArgumentException>(() => new FeatureTableSchema("k", null, null, [FeatureTableSchema.HoldoutColumn], HasHoldout: true).Check());
    }

    [Fact]
    public async Task A_table_without_time_or_label_reads_back_without_them()
    {
        var table = new FeatureTableSchema("id", null, null, ["x"]);
        var frame = new FeatureFrame(["a", "b"], null, null, [new FeatureColumn("x", [1.5, double.NaN])]);

        FeatureFrame read = Assert.Single(await ReadAsync(await WriteAsync(table, frame, 10)));

        Assert.Null(read.EventTimes);
        Assert.Null(read.Labels);
        Assert.Equal(["a", "b"], read.Keys);
        Assert.Equal([1.5, double.NaN], read.Features.Single().Values);
    }

    [Fact]
    public async Task Repeated_column_names_and_missing_event_times_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            FeatureParquetWriter.CreateAsync(new MemoryStream(), new FeatureTableSchema("x", null, null, ["x"])));
        await using FeatureParquetWriter writer = await FeatureParquetWriter.CreateAsync(new MemoryStream(), Table);
        ArgumentException missing = Assert.Throws<ArgumentException>(() => writer.Add("k", null, null, [1, 2]));
        Assert.Contains("'k'", missing.Message, StringComparison.Ordinal);
    }

    /// <summary>A stream that cannot seek, like a blob upload stream.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
