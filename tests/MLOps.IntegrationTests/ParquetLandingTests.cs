using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using MLOps.Core.DataEngineering;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.Landing;
using MLOps.IntegrationTests.Infrastructure;
using Parquet;
using Parquet.Schema;

namespace MLOps.IntegrationTests;

/// <summary>Landed Parquet files on real Azurite: converted to the CSV snapshot and run through the whole pipeline.</summary>
[Collection(PlatformCollection.Name)]
public class ParquetLandingTests(PlatformFixture platform)
{
    private static readonly string[] Categorical = ["Status", "Home", "Marital", "Records", "Job"];
    private static readonly string[] Numbers = ["Income", "Assets", "Debt"];

    [Fact]
    public async Task Credit_data_landed_as_parquet_publishes_the_same_feature_set_as_the_csv()
    {
        string project = Projects.NewName("pq");
        await platform.RegisterCreditAsync(project);
        byte[] parquet = await CreditDataAsParquetAsync(rowGroupRows: 2000);

        JsonElement done = await this.LandAsync(project, "credit_data.parquet", parquet);

        Assert.Equal("Completed", done.GetProperty("runtimeStatus").GetString());
        JsonElement output = done.GetProperty("output");
        // Named by the landed Parquet bytes, stored as the CSV snapshot.
        JsonElement ingested = output.GetProperty("ingested");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(parquet)), ingested.GetProperty("sha256").GetString());
        Assert.EndsWith(".csv", ingested.GetProperty("snapshotBlob").GetString(), StringComparison.Ordinal);

        // Nulls became missing values: the same real missing counts as the CSV acceptance test.
        JsonElement report = await this.ReadJsonAsync(output.GetProperty("quality").GetProperty("reportBlob").GetString()!);
        var missing = report.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("kind").GetString() == "maximum missing share")
            .ToDictionary(r => r.GetProperty("column").GetString()!, r => r.GetProperty("offendingRows").GetInt64());
        Assert.Equal((381L, 47L, 18L, 6L, 1L, 2L), (missing["Income"], missing["Assets"], missing["Debt"], missing["Home"], missing["Marital"], missing["Job"]));

        // 4454 rows read, the 2 exact duplicates still exact duplicates after conversion: found, and kept (the spec does not drop them).
        JsonElement published = output.GetProperty("featureSet");
        Assert.Equal((4454L, 2L, 0L, 0L), (published.GetProperty("rowsRead").GetInt64(), published.GetProperty("duplicateRowsFound").GetInt64(), published.GetProperty("duplicateRowsDropped").GetInt64(), published.GetProperty("invalidRowsDropped").GetInt64()));
        Assert.Equal(4454, published.GetProperty("version").GetProperty("rows").GetInt64());
    }

    [Fact]
    public async Task A_garbage_file_named_parquet_fails_clearly_and_leaves_nothing_behind()
    {
        string project = Projects.NewName("pq");
        await platform.RegisterCreditAsync(project);

        JsonElement done = await this.LandAsync(project, "x.parquet", [.. "Status,Age\ngood,30\n"u8]);

        Assert.Equal("Failed", done.GetProperty("runtimeStatus").GetString());
        Assert.Contains("'" + project + "/x.parquet' is not a readable Parquet file", done.GetProperty("failureDetails").GetProperty("errorMessage").GetString()!, StringComparison.Ordinal);
        Assert.Equal(0, await this.CountAsync($"{project}/"));
        Assert.Equal(0, await this.CountAsync("_staging/"));
    }

    [Fact]
    public async Task Chunks_of_a_converted_snapshot_are_record_aligned_ranges_of_the_csv_and_the_same_bytes_make_no_new_one()
    {
        // The ingestor alone with small chunks, on a container the landing watcher does not watch.
        string project = Projects.NewName("pq");
        BlobContainerClient direct = platform.Blobs.GetBlobContainerClient("parquet-direct");
        await direct.CreateIfNotExistsAsync();
        byte[] parquet = await CreditDataAsParquetAsync(rowGroupRows: 1500);
        BlobContentInfo info = (await direct.GetBlobClient($"{project}/credit.PARQUET").UploadAsync(BinaryData.FromBytes(parquet))).Value;
        var ingestor = new LandingIngestor(platform.Blobs, Options.Create(new DataEngineeringOptions { ChunkRows = 1000, ColumnGroupSize = 5 }));
        var request = new DataEngineeringRequest(project, $"{project}/credit.PARQUET", info.ETag.ToString(), direct.Name);

        IngestedFile first = await ingestor.IngestAsync(request);
        IngestedFile again = await ingestor.IngestAsync(request);

        Assert.Equal((4454L, 5, parquet.LongLength), (first.Rows, first.Chunks, first.LandedBytes!.Value));
        Assert.Equal((true, false, first.SnapshotBlob), (first.SnapshotCreated, again.SnapshotCreated, again.SnapshotBlob));
        BlobProperties snapshot = (await platform.Blobs.GetBlobContainerClient("snapshots").GetBlobClient(first.SnapshotBlob).GetPropertiesAsync()).Value;
        Assert.Equal(snapshot.ContentLength, first.Bytes);
        (IReadOnlyList<string> columns, List<string[]> expected) = await ReadCreditCsvAsync();
        var read = new List<string[]>();
        for (int chunk = 0; chunk < first.Chunks; chunk++)
        {
            await using CsvRecordReader reader = await SnapshotChunks.OpenAsync(platform.Blobs, first, chunk);
            Assert.Equal(columns, await reader.ReadHeaderAsync());
            int before = read.Count;
            await foreach (CsvBatch batch in reader.ReadBatchesAsync())
            {
                read.AddRange(batch.Records.Select(r => r.Fields.ToArray()));
            }

            Assert.Equal(chunk < 4 ? 1000 : 454, read.Count - before);
        }

        // Every value reads back as in the CSV (numbers compared as numbers: 129 and 129.0 are one value).
        Assert.Equal(expected.Count, read.Count);
        for (int r = 0; r < expected.Count; r++)
        {
            Assert.Equal(expected[r].Select(Canonical), read[r].Select(Canonical));
        }
    }

    /// <summary>The bundled credit CSV as typed Parquet: categories as strings, integers as ints, amounts as doubles; empty as null.</summary>
    private static async Task<byte[]> CreditDataAsParquetAsync(int rowGroupRows)
    {
        (IReadOnlyList<string> columns, List<string[]> records) = await ReadCreditCsvAsync();
        DataField[] fields = [.. columns.Select(c => Categorical.Contains(c)
            ? new DataField<string>(c, true)
            : Numbers.Contains(c) ? new DataField<double?>(c, true) : (DataField)new DataField<int?>(c, true))];
        using var output = new MemoryStream();
        await using (ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), output))
        {
            foreach (string[][] group in records.Chunk(rowGroupRows))
            {
                using ParquetRowGroupWriter rowGroup = writer.CreateRowGroup();
                for (int c = 0; c < fields.Length; c++)
                {
                    string?[] cells = [.. group.Select(r => r[c].Length == 0 ? null : r[c])];
                    if (fields[c] is DataField<string>)
                    {
                        await rowGroup.WriteAsync(fields[c], cells!);
                    }
                    else if (fields[c] is DataField<double?>)
                    {
                        await rowGroup.WriteAsync<double>(fields[c], cells.Select(v => v is null ? (double?)null : double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
                    }
                    else
                    {
                        await rowGroup.WriteAsync<int>(fields[c], cells.Select(v => v is null ? (int?)null : int.Parse(v, CultureInfo.InvariantCulture)).ToArray());
                    }
                }
            }
        }

        return output.ToArray();
    }

    private static async Task<(IReadOnlyList<string> Columns, List<string[]> Records)> ReadCreditCsvAsync()
    {
        await using var reader = new CsvRecordReader(File.OpenRead(Projects.DataPath("credit_data.csv")));
        IReadOnlyList<string> columns = await reader.ReadHeaderAsync();
        var records = new List<string[]>();
        await foreach (CsvBatch batch in reader.ReadBatchesAsync())
        {
            records.AddRange(batch.Records.Select(r => r.Fields.ToArray()));
        }

        return (columns, records);
    }

    private static string Canonical(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) ? number.ToString("R", CultureInfo.InvariantCulture) : value;

    private async Task<JsonElement> LandAsync(string project, string file, byte[] bytes)
    {
        BlobContainerClient landing = platform.Blobs.GetBlobContainerClient("landing");
        await landing.CreateIfNotExistsAsync();
        BlobClient blob = landing.GetBlobClient($"{project}/{file}");
        BlobContentInfo info = (await blob.UploadAsync(BinaryData.FromBytes(bytes), overwrite: true)).Value;
        return await platform.WaitForEndAsync(new LandingBlob("landing", blob.Name, info.ETag.ToString()).PipelineInstanceId(), TimeSpan.FromSeconds(120));
    }

    private async Task<JsonElement> ReadJsonAsync(string snapshotBlob)
    {
        BlobDownloadResult result = (await platform.Blobs.GetBlobContainerClient("snapshots").GetBlobClient(snapshotBlob).DownloadContentAsync()).Value;
        return JsonDocument.Parse(result.Content.ToString()).RootElement.Clone();
    }

    private async Task<int> CountAsync(string prefix)
    {
        BlobContainerClient snapshots = platform.Blobs.GetBlobContainerClient("snapshots");
        if (!await snapshots.ExistsAsync())
        {
            return 0;
        }

        int count = 0;
        await foreach (BlobItem item in snapshots.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }))
        {
            count++;
        }

        return count;
    }
}
