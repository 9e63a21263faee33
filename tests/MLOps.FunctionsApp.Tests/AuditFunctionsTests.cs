using Microsoft.AspNetCore.Http;
using MLOps.Core.Audit;
using MLOps.FunctionsApp.Tests.Support;
using MLOps.FunctionsApp.Triggers.Http;
using Moq;

namespace MLOps.FunctionsApp.Tests;

public sealed class AuditFunctionsTests
{
    [Fact]
    public async Task ListPagesTheChainAfterTheGivenSequenceAndStopsAtTake()
    {
        using var harness = new TriggerHarness();
        AuditRecord[] chain = Chain(harness.Clock.Now, 5);
        harness.Audit.Setup(a => a.ReadAsync(It.IsAny<long>(), It.IsAny<CancellationToken>()))
            .Returns((long after, CancellationToken _) => Records([.. chain.Where(r => r.Sequence > after)]));
        HttpRequest request = harness.Request("GET", "/api/audit", ApiKeys.Admin, query: "?after=1&take=2");

        IResult result = await harness.Create<AuditFunctions>().ListAsync(request);
        ExecutedResponse response = await TriggerHarness.ExecuteAsync(result, request);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal([2L, 3L], response.Json.EnumerateArray().Select(r => r.GetProperty("sequence").GetInt64()));
        Assert.Equal("pipeline/i2/start", response.Json[0].GetProperty("eventId").GetString());
    }

    [Theory]
    [InlineData("?after=-1")]
    [InlineData("?take=0")]
    [InlineData("?take=1001")]
    [InlineData("?after=x")]
    public async Task ListWithABadPageIsAProblemNamingTheParameters(string query)
    {
        using var harness = new TriggerHarness();
        HttpRequest request = harness.Request("GET", "/api/audit", ApiKeys.Admin, query: query);

        IResult result = await harness.Create<AuditFunctions>().ListAsync(request);
        ExecutedResponse response = await TriggerHarness.ExecuteAsync(result, request);

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Contains("'after'", response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyReportsTheFirstEditedRecordOfTheChain()
    {
        using var harness = new TriggerHarness();
        AuditRecord[] chain = Chain(harness.Clock.Now, 4);
        chain[2] = chain[2] with { Outcome = "forged" };
        harness.Audit.Setup(a => a.VerifyAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() => AuditVerification.Verify(chain));
        HttpRequest request = harness.Request("GET", "/api/audit/verify", ApiKeys.Admin);

        IResult result = await harness.Create<AuditFunctions>().VerifyAsync(request);
        ExecutedResponse response = await TriggerHarness.ExecuteAsync(result, request);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.False(response.Json.GetProperty("intact").GetBoolean());
        Assert.Equal(3, response.Json.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Equal(2, response.Json.GetProperty("recordsChecked").GetInt64());
    }

    [Fact]
    public async Task VerifyByRoleWithoutAuditRightIs403()
    {
        using var harness = new TriggerHarness();
        HttpRequest request = harness.Request("GET", "/api/audit/verify", ApiKeys.DataScientist);

        IResult result = await harness.Create<AuditFunctions>().VerifyAsync(request);
        ExecutedResponse response = await TriggerHarness.ExecuteAsync(result, request);

        Assert.Equal(StatusCodes.Status403Forbidden, response.StatusCode);
        harness.Audit.Verify(a => a.VerifyAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    private static AuditRecord[] Chain(DateTimeOffset start, int length)
    {
        var records = new AuditRecord[length];
        string previous = AuditRecord.GenesisHash;
        for (int i = 0; i < length; i++)
        {
            string id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"i{i + 1}");
            records[i] = AuditRecord.Create(i + 1, start.AddSeconds(i), new AuditEntry("a", "pipeline.start", id, null, "ok", AuditEventIds.PipelineStart(id)), previous);
            previous = records[i].Hash;
        }

        return records;
    }

    private static async IAsyncEnumerable<AuditRecord> Records(params AuditRecord[] records)
    {
        foreach (AuditRecord record in records)
        {
            await Task.Yield();
            yield return record;
        }
    }
}
