using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MLOps.Core.Registry;
using MLOps.IntegrationTests.Infrastructure;
using MLOps.IntegrationTests.Registry;

namespace MLOps.IntegrationTests;

/// <summary>The registry routes over real HTTP, on versions seeded through the host's own registry.</summary>
[Collection(PlatformCollection.Name)]
public class ModelRegistryApiTests(PlatformFixture platform)
{
    private const string Model = "credit";

    private static readonly double[] Auc = [0.81, 0.82, 0.83];

    [Fact]
    public async Task The_champion_of_a_high_risk_project_moves_only_once_approved_and_concurrent_moves_conflict()
    {
        string project = Projects.NewName("mr");
        Assert.Equal("Completed", (await platform.RegisterCreditAsync(project)).GetProperty("runtimeStatus").GetString());
        await this.SeedAsync(project, 3);
        string models = $"api/projects/{project}/models/{Model}";

        ApiResponse refused = await this.MoveAsync(project, "champion", TestKeys.DataScientist, new { version = 1, expectedCurrent = 0, reason = "first" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("ModelRiskAnalyst", refused.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(refused.Json.GetProperty("errors").EnumerateArray());

        Assert.Equal(HttpStatusCode.Forbidden, (await this.ApproveAsync(project, 1, TestKeys.DataScientist)).Status);
        ApiResponse approved = await this.ApproveAsync(project, 1, TestKeys.ModelRisk);
        Assert.Equal(HttpStatusCode.OK, approved.Status);
        Assert.Equal(("Approved", "model-risk"), (approved.Json.GetProperty("status").GetString(), approved.Json.GetProperty("approvedBy").GetString()));
        Assert.Contains("ModelRiskAnalyst", approved.Json.GetProperty("approverRoles").EnumerateArray().Select(r => r.GetString()));

        ApiResponse moved = await this.MoveAsync(project, "champion", TestKeys.DataScientist, new { version = 1, expectedCurrent = 0, reason = "first" });
        Assert.Equal(HttpStatusCode.OK, moved.Status);
        Assert.Equal((1, "data-scientist"), (moved.Json.GetProperty("toVersion").GetInt32(), moved.Json.GetProperty("movedBy").GetString()));

        // Two movers saw v1; whoever commits first wins and the other is told, never silently overwritten.
        await this.ApproveAsync(project, 2, TestKeys.ModelRisk);
        await this.ApproveAsync(project, 3, TestKeys.ModelRisk);
        ApiResponse[] racing = await Task.WhenAll(
            this.MoveAsync(project, "champion", TestKeys.DataScientist, new { version = 2, expectedCurrent = 1, reason = "race a" }),
            this.MoveAsync(project, "champion", TestKeys.Operations, new { version = 3, expectedCurrent = 1, reason = "race b" }));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], racing.Select(r => r.Status).Order());
        int winner = racing.Single(r => r.Status == HttpStatusCode.OK).Json.GetProperty("toVersion").GetInt32();

        string target = $"models:/{Model}@champion ({project})";
        List<JsonElement> audit = await this.AuditAsync();
        Assert.Contains(audit, r => r.GetProperty("action").GetString() == "registry.alias.move" && r.GetProperty("target").GetString() == target);
        Assert.Contains(audit, r => r.GetProperty("action").GetString() == "registry.alias.conflict" && r.GetProperty("target").GetString() == target);
        Assert.Contains(audit, r => r.GetProperty("action").GetString() == "registry.alias.refused" && r.GetProperty("target").GetString() == target);

        ApiResponse model = await platform.SendAsync(HttpMethod.Get, models, TestKeys.Business);
        Assert.Equal(3, model.Json.GetProperty("versions").GetArrayLength());
        Assert.Equal(winner, model.Json.GetProperty("aliases").GetProperty("champion").GetInt32());

        ApiResponse rolledBack = await platform.SendAsync(HttpMethod.Post, $"{models}/aliases/champion/rollback", TestKeys.Operations, new { reason = "regressed" });
        Assert.Equal(HttpStatusCode.OK, rolledBack.Status);
        Assert.Equal((winner, 1, true), (rolledBack.Json.GetProperty("fromVersion").GetInt32(), rolledBack.Json.GetProperty("toVersion").GetInt32(), rolledBack.Json.GetProperty("rollback").GetBoolean()));
        ApiResponse history = await platform.SendAsync(HttpMethod.Get, $"{models}/aliases/champion/history", TestKeys.Business);
        Assert.Equal([1, winner, 1], history.Json.EnumerateArray().Select(m => m.GetProperty("toVersion").GetInt32()));

        Assert.Equal(1, (await this.ResolveAsync(project, $"models:/{Model}@champion")).Json.GetProperty("version").GetInt32());
        Assert.Equal(2, (await this.ResolveAsync(project, $"models:/{Model}/2")).Json.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await this.ResolveAsync(project, $"models:/{Model}@shadow")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await this.ResolveAsync(project, $"models:/{Model}/9")).Status);
    }

    [Fact]
    public async Task Versions_compare_and_cards_are_read_and_bad_requests_are_problems()
    {
        // Reads and request validation need no approval policy, so an unregistered project will do.
        string project = Projects.NewName("mr");
        await this.SeedAsync(project, 2);
        string models = $"api/projects/{project}/models/{Model}";

        ApiResponse v2 = await platform.SendAsync(HttpMethod.Get, $"{models}/versions/2", TestKeys.Business);
        Assert.Equal(("run-2", "Pending"), (v2.Json.GetProperty("runId").GetString(), v2.Json.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await platform.SendAsync(HttpMethod.Get, $"{models}/versions/9", TestKeys.Business)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.SendAsync(HttpMethod.Get, $"{models}/versions/two", TestKeys.Business)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/models/unknown", TestKeys.Business)).Status);

        ApiResponse compared = await platform.SendAsync(HttpMethod.Get, $"{models}/compare?v1=1&v2=2", TestKeys.Business);
        Assert.Equal(HttpStatusCode.OK, compared.Status);
        JsonElement auc = compared.Json.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "auc");
        Assert.Equal((0.81, 0.82), (auc.GetProperty("first").GetDouble(), auc.GetProperty("second").GetDouble()));
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.SendAsync(HttpMethod.Get, $"{models}/compare?v1=1", TestKeys.Business)).Status);

        using (HttpResponseMessage card = await this.GetRawAsync($"{models}/versions/1/card"))
        {
            Assert.Equal(HttpStatusCode.OK, card.StatusCode);
            Assert.Equal("text/markdown", card.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Score credit applications.", await card.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A version whose registration has not committed is not there for any reader, its card included.
        IModelRegistry registry = platform.Services.GetRequiredService<IModelRegistry>();
        ModelVersion staged = await registry.RegisterVersionAsync(Request(project, 3));
        await registry.WriteModelCardAsync(CommittedVersions.Card(staged));
        using (HttpResponseMessage none = await this.GetRawAsync($"{models}/versions/3/card"))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await platform.SendAsync(HttpMethod.Get, $"{models}/versions/3", TestKeys.Business)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await this.MoveAsync(project, "challenger", TestKeys.DataScientist, new { version = 3 })).Status);
        Assert.Equal(2, (await platform.SendAsync(HttpMethod.Get, models, TestKeys.Business)).Json.GetProperty("versions").GetArrayLength());

        Assert.Equal(HttpStatusCode.BadRequest, (await this.ResolveAsync(project, $"models:/{Model}")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await this.ResolveAsync(project, "runs:/x")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/models/resolve", TestKeys.Business)).Status);

        Assert.Equal(HttpStatusCode.Forbidden, (await this.MoveAsync(project, "challenger", TestKeys.Business, new { version = 1 })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await this.MoveAsync(project, "challenger", null, new { version = 1 })).Status);
        ApiResponse unknownMember = await this.MoveAsync(project, "challenger", TestKeys.DataScientist, """{"version":1,"colour":"red"}""");
        Assert.Equal(HttpStatusCode.BadRequest, unknownMember.Status);
        Assert.Contains("colour", unknownMember.Json.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await this.MoveAsync(project, "challenger", TestKeys.DataScientist, "{}")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await this.MoveAsync(project, "challenger", TestKeys.DataScientist, "not json")).Status);
        ApiResponse zero = await this.MoveAsync(project, "challenger", TestKeys.DataScientist, new { version = 0 });
        Assert.Contains("version", zero.Json.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await this.MoveAsync(project, "Bad_Alias", TestKeys.DataScientist, new { version = 1 })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await this.MoveAsync(project, "challenger", TestKeys.DataScientist, new { version = 7 })).Status);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await this.MoveAsync(project, "challenger", TestKeys.DataScientist, new { version = 1, reason = new string('x', 1_100_000) })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await platform.SendAsync(HttpMethod.Post, $"{models}/aliases/challenger/rollback", TestKeys.Operations, new { reason = "nothing to undo" })).Status);

        Assert.Equal(HttpStatusCode.BadRequest, (await platform.SendAsync(HttpMethod.Post, $"{models}/versions/1/approval", TestKeys.ModelRisk, new { status = "Maybe", reason = "x" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.SendAsync(HttpMethod.Post, $"{models}/versions/1/approval", TestKeys.ModelRisk, new { status = "Approved" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.SendAsync(HttpMethod.Post, $"{models}/versions/1/approval", TestKeys.ModelRisk, new { status = "Approved", reason = " " })).Status);
    }

    private async Task SeedAsync(string project, int versions)
    {
        IModelRegistry registry = platform.Services.GetRequiredService<IModelRegistry>();
        for (int i = 1; i <= versions; i++)
        {
            await registry.RegisterAsync(Request(project, i), "Score credit applications.");
        }
    }

    private static ModelVersionRequest Request(string project, int i) => new()
    {
        Project = project, Name = Model, RunId = $"run-{i}", FeatureSetVersion = 1, FeatureSetSha256 = "fs", DataSha256 = "raw",
        SpecSha256 = "spec", CreatedBy = "data-scientist", Metrics = new Dictionary<string, double> { ["auc"] = Auc[i - 1] },
    };

    private Task<ApiResponse> MoveAsync(string project, string alias, string? key, object body) =>
        platform.SendAsync(HttpMethod.Put, $"api/projects/{project}/models/{Model}/aliases/{alias}", key, body);

    private Task<ApiResponse> ApproveAsync(string project, int version, string key) =>
        platform.SendAsync(HttpMethod.Post, $"api/projects/{project}/models/{Model}/versions/{version}/approval", key, new { status = "Approved", reason = "validated" });

    private Task<ApiResponse> ResolveAsync(string project, string uri) =>
        platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/models/resolve?uri={Uri.EscapeDataString(uri)}", TestKeys.Business);

    private async Task<HttpResponseMessage> GetRawAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-api-key", TestKeys.Business);
        return await platform.Http.SendAsync(request);
    }

    private Task<List<JsonElement>> AuditAsync() => AuditPages.ReadAllAsync(platform.Http, TestKeys.ModelRisk);
}
