using System.Net;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests;

[Collection(PlatformCollection.Name)]
public class SecurityTests(PlatformFixture platform)
{
    [Theory]
    [InlineData(null, "POST", "api/pipelines/diagnostics", HttpStatusCode.Unauthorized)]
    [InlineData("wrong-key", "GET", "api/instances", HttpStatusCode.Unauthorized)]
    [InlineData(TestKeys.DataScientist, "POST", "api/pipelines/diagnostics", HttpStatusCode.Forbidden)]
    [InlineData(TestKeys.DataScientist, "POST", "api/pipelines/data-engineering", HttpStatusCode.Forbidden)]
    [InlineData(TestKeys.Business, "GET", "api/audit", HttpStatusCode.Forbidden)]
    [InlineData(TestKeys.DataEngineer, "GET", "api/audit/verify", HttpStatusCode.Forbidden)]
    [InlineData(TestKeys.DataEngineer, "POST", "api/instances/x/terminate", HttpStatusCode.Forbidden)]
    [InlineData(TestKeys.DataScientist, "DELETE", "api/instances/x", HttpStatusCode.Forbidden)]
    [InlineData(TestKeys.DataScientist, "POST", "api/events", HttpStatusCode.Forbidden)]
    [InlineData(TestKeys.Business, "GET", "api/pipelines", HttpStatusCode.OK)]
    [InlineData(TestKeys.ModelRisk, "GET", "api/audit/verify", HttpStatusCode.OK)]
    [InlineData(TestKeys.Operations, "GET", "api/audit", HttpStatusCode.OK)]
    [InlineData(TestKeys.DataEngineer, "POST", "api/pipelines/data-engineering", HttpStatusCode.BadRequest)]
    public async Task The_role_matrix_is_enforced(string? key, string method, string path, HttpStatusCode expected)
    {
        ApiResponse response = await platform.SendAsync(new HttpMethod(method), path, key, method == "GET" ? null : "{}");

        Assert.Equal(expected, response.Status);
        if (expected is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            Assert.Equal("application/problem+json", response.MediaType);
        }
    }
}
