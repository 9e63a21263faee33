using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using MLOps.Core.FeatureStore;
using MLOps.Core.FeatureStore.Offline;
using MLOps.IntegrationTests.Infrastructure;
using MLOps.LocalHost.Azurite;

namespace MLOps.IntegrationTests;

/// <summary>
/// Every bundled data set under its bundled spec, through the real requirements and data pipelines: what the
/// review accepts on the file the pipeline accepts on the same file, categorical values survive into non-zero
/// one-hot columns, and cleaning touched exactly what the data calls for. Expected counts are from
/// `/usr/bin/python3 tests/reference/bundled_data_counts.py` (pandas, not our code).
/// </summary>
[Collection(PlatformCollection.Name)]
public partial class BundledDataSetsTests(PlatformFixture platform)
{
    public static TheoryData<string, string, long, long, string> DataSets { get; } = new()
    {
        // spec, data, rows, exact duplicates (kept: no spec drops them), missing values per column (all imputed)
        { "credit-scoring.json", "credit_data.csv", 4454, 2, "Home=6,Marital=1,Job=2,Income=381,Assets=47,Debt=18" },
        { "telecom-churn.json", "mlc_churn.csv", 5000, 0, string.Empty },
        { "house-prices.json", "ames.csv", 2930, 0, string.Empty },
        { "concrete-strength.json", "concrete.csv", 1030, 25, string.Empty },
    };

    [Theory]
    [MemberData(nameof(DataSets))]
    public async Task The_review_and_the_data_pipeline_both_accept_the_bundled_file_and_no_value_is_silently_lost(
        string specFile, string dataFile, long rows, long duplicates, string missing)
    {
        string project = Projects.NewName("bd");
        JsonElement registered = await platform.RegisterAsync(project, specFile, dataFile);
        Assert.True("Completed" == registered.GetProperty("runtimeStatus").GetString(), registered.ToString());
        Assert.True(registered.GetProperty("output").GetProperty("feasibility").GetProperty("passed").GetBoolean());

        JsonElement done = await platform.LandAsync(project, dataFile, File.ReadAllBytes(Projects.DataPath(dataFile)));

        Assert.True("Completed" == done.GetProperty("runtimeStatus").GetString(), done.ToString());
        JsonElement published = done.GetProperty("output").GetProperty("featureSet");
        Assert.True(published.GetProperty("created").GetBoolean());
        Assert.Equal(rows, published.GetProperty("version").GetProperty("rows").GetInt64());
        Assert.Equal((rows, duplicates, 0L, 0L), (published.GetProperty("rowsRead").GetInt64(), published.GetProperty("duplicateRowsFound").GetInt64(), published.GetProperty("duplicateRowsDropped").GetInt64(), published.GetProperty("invalidRowsDropped").GetInt64()));

        // The cleaning report: nothing nulled out or clipped; imputed = missing; present = rows - missing; the only
        // rewrite is the one house-prices opts into ('WD ' -> 'WD', 2536 rows), which the guard warns about.
        JsonElement record = await this.ReadJsonAsync(published.GetProperty("cleaningReportBlob").GetString()!);
        Dictionary<string, long> expectedMissing = missing.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=')).ToDictionary(p => p[0], p => long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        foreach (JsonElement column in record.GetProperty("report").GetProperty("columns").EnumerateArray())
        {
            string name = column.GetProperty("column").GetString()!;
            long absent = expectedMissing.GetValueOrDefault(name);
            long normalised = dataFile == "ames.csv" && name == "Sale_Type" ? 2536 : 0;
            Assert.True(
                (rows - absent, normalised, 0L, 0L, absent, 0L) == (column.GetProperty("present").GetInt64(), column.GetProperty("normalised").GetInt64(), column.GetProperty("nulledOut").GetInt64(), column.GetProperty("clipped").GetInt64(), column.GetProperty("imputed").GetInt64(), column.GetProperty("missingAfter").GetInt64()),
                $"{dataFile} {name}: {column}");
        }

        string[] warnings = [.. published.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!)];
        if (dataFile == "ames.csv")
        {
            Assert.Contains("2536 of 2930 present values (86.55%) of column 'Sale_Type'", Assert.Single(warnings), StringComparison.Ordinal);
            Assert.Contains("record 1: 'WD ' → 'WD'", warnings[0], StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(warnings);
        }

        await this.AssertOneHotColumnsCarryTheCategoriesAsync(project, specFile);
    }

    [Fact]
    public async Task A_file_whose_cleaning_would_wipe_a_column_fails_before_any_version_is_committed()
    {
        // The state rule is soft, so lower-case states pass validation with a warning and reach cleaning, which nulls
        // every one of them out: the change guard must stop that run.
        string project = Projects.NewName("bd");
        await platform.RegisterAsync(project, "telecom-churn.json", "mlc_churn.csv", spec =>
        {
            foreach (var column in spec["dataRules"]!["columns"]!.AsArray())
            {
                if ((string?)column!["name"] == "state")
                {
                    column["severity"] = "Soft";
                }
            }
        });
        string text = File.ReadAllText(Projects.DataPath("mlc_churn.csv"));
        string lowered = StateField().Replace(text, m => m.Value.ToLowerInvariant());
        Assert.NotEqual(text, lowered);

        JsonElement done = await platform.LandAsync(project, "lower-states.csv", Encoding.UTF8.GetBytes(lowered));

        Assert.Equal("Failed", done.GetProperty("runtimeStatus").GetString());
        string message = done.GetProperty("failureDetails").GetProperty("errorMessage").GetString()!;
        Assert.Contains("5000 of 5000 present values (100%) of column 'state'", message, StringComparison.Ordinal);
        Assert.Contains("state.allowed nulled out 5000 (e.g. record 1: 'ks' → ''", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/feature-sets/latest", TestKeys.DataScientist)).Status);
        Assert.Equal(1, await this.CountAsync($"{project}/cleaning/", ".html"));
        Assert.Equal(0, await this.CountAsync($"{project}/features/", string.Empty));
    }

    [Fact]
    public async Task Single_class_data_is_refused_by_validation_and_never_published()
    {
        string project = Projects.NewName("bd");
        await platform.RegisterAsync(project, "telecom-churn.json", "mlc_churn.csv");
        byte[] oneClass = Encoding.UTF8.GetBytes(File.ReadAllText(Projects.DataPath("mlc_churn.csv")).Replace(",\"yes\"\n", ",\"no\"\n", StringComparison.Ordinal));

        JsonElement done = await platform.LandAsync(project, "all-stayed.csv", oneClass);

        Assert.Equal("Failed", done.GetProperty("runtimeStatus").GetString());
        string message = done.GetProperty("failureDetails").GetProperty("errorMessage").GetString()!;
        Assert.Contains("churn.classes (churn has both classes): expected exactly 2 classes, including the positive class 'yes', observed a single class: 'no' (5000)", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/feature-sets/latest", TestKeys.DataScientist)).Status);
    }

    /// <summary>Every one-hot (and hashed) output column holds some ones, and almost every row has exactly one per feature.</summary>
    private async Task AssertOneHotColumnsCarryTheCategoriesAsync(string project, string specFile)
    {
        OfflineFeatureStore offline = platform.Services.GetRequiredService<OfflineFeatureStore>();
        FeatureSetVersion version = (await offline.GetAsync(project, "latest"))!;
        var frames = new List<FeatureFrame>();
        await foreach (FeatureFrame frame in offline.ReadAsync(version))
        {
            frames.Add(frame);
        }

        using JsonDocument spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "shared", "specs", specFile)));
        string[] encoded = [.. spec.RootElement.GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("transform").GetProperty("kind").GetString() is "OneHot" or "Hashing")
            .Select(f => f.GetProperty("name").GetString()!)];
        foreach (string feature in encoded)
        {
            string[] outputs = [.. version.Features.Where(f => f.StartsWith(feature + "_", StringComparison.Ordinal))];
            Assert.True(outputs.Length >= 2, $"{feature}: {string.Join(", ", outputs)}");
            foreach (string output in outputs)
            {
                Assert.True(frames.Sum(f => f.Find(output)!.Values.Count(v => v == 1)) > 0, $"{output} is all zero");
            }

            long rows = frames.Sum(f => f.Rows);
            long oneHot = frames.Sum(f => Enumerable.Range(0, f.Rows).Count(r => outputs.Sum(o => f.Find(o)!.Values[r]) == 1));
            Assert.True(oneHot >= rows * 0.995, $"{feature}: {oneHot} of {rows} rows have exactly one indicator set");
        }
    }

    private async Task<JsonElement> ReadJsonAsync(string snapshotBlob)
    {
        BlobDownloadResult result = (await platform.Blobs.GetBlobContainerClient("snapshots").GetBlobClient(snapshotBlob).DownloadContentAsync()).Value;
        return JsonDocument.Parse(result.Content.ToString()).RootElement.Clone();
    }

    private async Task<int> CountAsync(string prefix, string suffix)
    {
        int count = 0;
        await foreach (BlobItem item in platform.Blobs.GetBlobContainerClient("snapshots").GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }))
        {
            count += item.Name.EndsWith(suffix, StringComparison.Ordinal) ? 1 : 0;
        }

        return count;
    }

    [GeneratedRegex("^\"[A-Z]{2}\",", RegexOptions.Multiline)]
    private static partial Regex StateField();
}
