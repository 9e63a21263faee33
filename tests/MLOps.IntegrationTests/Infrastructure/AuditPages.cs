using System.Net;
using System.Text.Json;

namespace MLOps.IntegrationTests.Infrastructure;

/// <summary>The whole audit log over HTTP, page by page: every test of a collection writes to the same chain.</summary>
internal static class AuditPages
{
    public static async Task<List<JsonElement>> ReadAllAsync(HttpClient http, string key)
    {
        var records = new List<JsonElement>();
        long after = 0;
        while (true)
        {
            ApiResponse page = await PlatformFixture.Send(http, HttpMethod.Get, $"api/audit?after={after}&take=1000", key);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            JsonElement[] batch = [.. page.Json.EnumerateArray()];
            records.AddRange(batch);
            if (batch.Length < 1000)
            {
                return records;
            }

            after = batch[^1].GetProperty("sequence").GetInt64();
        }
    }
}
