using Microsoft.AspNetCore.Http;
using MLOps.Core.Audit;
using MLOps.FunctionsApp.Tests.Support;
using MLOps.FunctionsApp.Triggers.Http;
using Moq;

namespace MLOps.FunctionsApp.Tests;

public sealed class AuditFunctionsTests
{
    [Fact]
    public async Task ListReturnsRecordsAfterTheGivenSequence()
    {
        using var harness = new TriggerHarness();
        AuditRecord first = AuditRecord.Create(1, harness.Clock.Now, new AuditEntry("a", "pipeline.start", "t", null, "ok"), AuditRecord.GenesisHash);
        AuditRecord second = AuditRecord.Create(2, harness.Clock.Now, new AuditEntry("a", "instance.purge", "t", null, "ok"), first.Hash);
        harness.Audit.Setup(a => a.ReadAsync(1, It.IsAny<CancellationToken>())).Returns(Records(second));
        HttpRequest request = harness.Request("GET", "/api/audit", ApiKeys.Admin, query: "?after=1");

        IResult result = await harness.Create<AuditFunctions>().ListAsync(request);
        ExecutedResponse response = await TriggerHarness.ExecuteAsync(result, request);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal(2, Assert.Single(response.Json.EnumerateArray()).GetProperty("sequence").GetInt64());
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

    private static async IAsyncEnumerable<AuditRecord> Records(params AuditRecord[] records)
    {
        foreach (AuditRecord record in records)
        {
            await Task.Yield();
            yield return record;
        }
    }
}
