using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests;

/// <summary>Data with an event-time column, end to end: training sets never see the future, the online store serves the latest.</summary>
[Collection(PlatformCollection.Name)]
public class PointInTimeTests(PlatformFixture platform)
{
    private const string Spec = """
        {
          "name": "PROJECT",
          "businessGoal": "Score monthly account activity for churn; a test fixture with an event time.",
          "task": "BinaryClassification",
          "target": { "column": "churned", "positiveClass": "yes" },
          "entityKey": { "column": "customer_id" },
          "eventTime": "event_time",
          "acceptance": { "metric": "Auc", "threshold": 0.6, "direction": ">=" },
          "latency": { "p95Ms": 100 },
          "dataRules": {
            "minRows": 50,
            "columns": [
              { "name": "customer_id", "type": "Text", "maxMissingShare": 0 },
              { "name": "event_time", "type": "DateTime", "maxMissingShare": 0 },
              { "name": "amount", "type": "Integer", "min": 0, "max": 1000, "maxMissingShare": 0 },
              { "name": "churned", "type": "Categorical", "allowedValues": ["no", "yes"], "maxMissingShare": 0 }
            ]
          },
          "features": [
            { "name": "amount", "sources": ["amount"], "transform": { "kind": "Identity" } }
          ],
          "riskTier": "Low",
          "owners": { "Business": ["owner@example.com"], "DataScientist": ["ds@example.com"] }
        }
        """;

    [Fact]
    public async Task A_training_set_takes_each_labels_latest_earlier_row_and_the_online_store_the_latest()
    {
        string project = Projects.NewName("pit");
        await this.PublishAsync(project);

        // Customer c01 has amounts 11, 12, 13 on the first of January, February and March.
        object labels = new
        {
            labels = new object[]
            {
                new { key = "c01", time = "2026-02-15T00:00:00Z", label = "no" },
                new { key = "c01", time = "2026-01-01T00:00:00Z", label = "no" },
                new { key = "c02", time = "2025-12-31T00:00:00Z", label = "no" },
                new { key = "c03", time = "2026-12-31T00:00:00Z", label = "yes" },
            },
        };
        ApiResponse set = await platform.SendAsync(HttpMethod.Post, $"api/projects/{project}/feature-sets/latest/training-set", TestKeys.DataScientist, labels);

        Assert.Equal(HttpStatusCode.OK, set.Status);
        Assert.Equal(
            [("c01", 12.0), ("c01", 11.0), ("c03", 33.0)],
            set.Json.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("key").GetString()!, r.GetProperty("features").GetProperty("amount").GetDouble())));

        ApiResponse online = await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/online-features?key=c01", TestKeys.DataScientist);
        Assert.Equal(13.0, online.Json.GetProperty("vectors")[0].GetProperty("values").GetProperty("amount").GetDouble());
    }

    [Fact]
    public async Task Data_without_an_event_time_cannot_be_joined_point_in_time()
    {
        string project = Projects.NewName("pit");
        await platform.CreditFeatureSetAsync(project);

        ApiResponse set = await platform.SendAsync(HttpMethod.Post, $"api/projects/{project}/feature-sets/1/training-set", TestKeys.DataScientist,
            new { labels = new[] { new { key = "1", time = "2026-01-01T00:00:00Z", label = "bad" } } });
        ApiResponse empty = await platform.SendAsync(HttpMethod.Post, $"api/projects/{project}/feature-sets/1/training-set", TestKeys.DataScientist, new { labels = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.BadRequest, set.Status);
        Assert.Contains("no event-time column", set.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
    }

    private async Task PublishAsync(string project)
    {
        var csv = new StringBuilder("customer_id,event_time,amount,churned\n");
        for (int customer = 1; customer <= 30; customer++)
        {
            for (int month = 1; month <= 3; month++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"c{customer:D2},2026-{month:D2}-01T00:00:00Z,{(customer * 10) + month},{(customer % 3 == 0 ? "yes" : "no")}\n");
            }
        }

        byte[] bytes = Encoding.UTF8.GetBytes(csv.ToString());
        var samples = platform.Blobs.GetBlobContainerClient("samples");
        await samples.CreateIfNotExistsAsync();
        await samples.GetBlobClient($"{project}/data.csv").UploadAsync(BinaryData.FromBytes(bytes), overwrite: true);
        ApiResponse started = await platform.SubmitSpecAsync(project, Spec.Replace("PROJECT", project, StringComparison.Ordinal), $"samples/{project}/data.csv");
        JsonElement registered = await platform.WaitForEndAsync(started.Json.GetProperty("id").GetString()!);
        Assert.True(registered.GetProperty("runtimeStatus").GetString() == "Completed", registered.ToString());

        JsonElement landed = await platform.LandAsync(project, "data.csv", bytes);
        Assert.True(landed.GetProperty("runtimeStatus").GetString() == "Completed", landed.ToString());
    }
}
