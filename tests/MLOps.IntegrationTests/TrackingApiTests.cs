using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MLOps.Core.Tracking;
using MLOps.IntegrationTests.Infrastructure;
using MLOps.Triggers.Http;

namespace MLOps.IntegrationTests;

/// <summary>The tracking routes over real HTTP, on runs seeded through the host's own tracker.</summary>
[Collection(PlatformCollection.Name)]
public class TrackingApiTests(PlatformFixture platform)
{
    [Fact]
    public async Task Runs_are_filtered_by_experiment_status_algorithm_and_metric_then_ordered_and_limited()
    {
        string project = await this.SeedAsync();

        Assert.Equal(["r3", "r1"], await this.RunIdsAsync(project, "experiment=exp&where=auc%3E0.8&orderBy=auc&ascending=false"));
        Assert.Equal(["r1"], await this.RunIdsAsync(project, "experiment=exp&status=Completed&where=auc%3E0.8"));
        Assert.Equal(["r2"], await this.RunIdsAsync(project, "algorithm=fastforest"));
        Assert.Equal(["r2"], await this.RunIdsAsync(project, "experiment=exp&orderBy=auc&ascending=true&top=1"));
        Assert.Equal(4, (await this.RunIdsAsync(project, string.Empty)).Length);

        // Names ignore case: the README's own example, against runs that logged "auc", and the reverse.
        Assert.Equal(["r3", "r1"], await this.RunIdsAsync(project, "experiment=exp&where=AUC%3E0.8&orderBy=Auc"));
        Assert.Equal(["r1"], await this.RunIdsAsync(project, "experiment=exp&where=params.TREES%3C50"));

        foreach ((string query, string parameter) in new[] { ("where=aucc%3E0.8", "'where'"), ("orderBy=speed", "'orderBy'") })
        {
            ApiResponse unknown = await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/runs?{query}", TestKeys.Business);
            Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
            Assert.Contains(parameter, unknown.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(["auc", "params.trees"], unknown.Json.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        }

        foreach ((string query, string parameter) in new[] { ("status=Done", "'status'"), ("status=1", "'status'"), ("where=auc~0.8", "'where'"), ("top=0", "'top'"), ("ascending=maybe", "'ascending'") })
        {
            ApiResponse bad = await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/runs?{query}", TestKeys.Business);
            Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
            Assert.Contains(parameter, bad.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/runs", null)).Status);
    }

    [Fact]
    public async Task One_run_is_read_and_compare_and_best_are_routes_not_run_ids()
    {
        string project = await this.SeedAsync();

        ApiResponse run = await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/runs/r1", TestKeys.Business);
        Assert.Equal(HttpStatusCode.OK, run.Status);
        Assert.Equal(("r1", "Completed"), (run.Json.GetProperty("runId").GetString(), run.Json.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/runs/nope", TestKeys.Business)).Status);

        // Literal segments win over {runId}: these reach compare and best, not a 404 for a run named "compare" or "best".
        ApiResponse compared = await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/runs/compare?ids=r1&ids=r2", TestKeys.Business);
        Assert.Equal(HttpStatusCode.OK, compared.Status);
        Assert.Equal(["r1", "r2"], compared.Json.GetProperty("runIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([0.85, 0.75], compared.Json.GetProperty("metrics").GetProperty("auc").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(["20", "50"], compared.Json.GetProperty("parameters").GetProperty("trees").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/runs/compare?ids=r1", TestKeys.Business)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/runs/compare?ids=r1&ids=r1", TestKeys.Business)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/runs/compare?ids=r1&ids=gone", TestKeys.Business)).Status);

        // The best completed run: r3 has the highest auc but failed.
        ApiResponse best = await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/runs/best?experiment=exp&metric=auc", TestKeys.Business);
        Assert.Equal("r1", best.Json.GetProperty("runId").GetString());
        ApiResponse lowest = await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/runs/best?experiment=exp&metric=auc&higherIsBetter=false", TestKeys.Business);
        Assert.Equal("r2", lowest.Json.GetProperty("runId").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/runs/best?experiment=none&metric=auc", TestKeys.Business)).Status);
        Assert.Equal("r1", (await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/runs/best?experiment=exp&metric=AUC", TestKeys.Business)).Json.GetProperty("runId").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/runs/best?experiment=exp&metric=aucc", TestKeys.Business)).Status);
        ApiResponse noMetric = await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/runs/best?experiment=exp", TestKeys.Business);
        Assert.Equal(HttpStatusCode.BadRequest, noMetric.Status);
        Assert.Contains("'metric'", noMetric.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_run_id_route_itself_answers_compare_and_best_because_the_functions_host_may_route_them_there()
    {
        // The Functions host orders routes by function name (azure-functions-host#9876), so it may hand "compare" to {runId}.
        string project = await this.SeedAsync();
        TrackingHttpApi api = platform.Services.GetRequiredService<TrackingHttpApi>();

        (int status, string body) = await this.ExecuteAsync(api.GetAsync(this.Request("?ids=r1&ids=r2"), project, TrackingHttpApi.CompareSegment));
        Assert.Equal(200, status);
        Assert.Contains("\"runIds\"", body, StringComparison.Ordinal);

        (status, body) = await this.ExecuteAsync(api.GetAsync(this.Request("?experiment=exp&metric=auc"), project, TrackingHttpApi.BestSegment));
        Assert.Equal(200, status);
        Assert.Contains("\"r1\"", body, StringComparison.Ordinal);
    }

    private HttpRequest Request(string query)
    {
        var context = new DefaultHttpContext { RequestServices = platform.Services };
        context.Request.QueryString = new QueryString(query);
        context.Request.Headers[RequestGuard.ApiKeyHeader] = TestKeys.Business;
        return context.Request;
    }

    private async Task<(int Status, string Body)> ExecuteAsync(Task<IResult> pending)
    {
        IResult result = await pending;
        HttpContext context = new DefaultHttpContext { RequestServices = platform.Services };
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response.StatusCode, await reader.ReadToEndAsync());
    }

    private async Task<string[]> RunIdsAsync(string project, string query)
    {
        ApiResponse response = await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/runs?{query}", TestKeys.Business);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return [.. response.Json.EnumerateArray().Select(r => r.GetProperty("runId").GetString()!)];
    }

    /// <summary>r1 (lightgbm, 0.85) and r2 (fastforest, 0.75) completed, r3 (lightgbm, 0.9) failed, all in "exp"; r4 in "other".</summary>
    private async Task<string> SeedAsync()
    {
        string project = Projects.NewName("trk");
        IExperimentTracker tracker = platform.Services.GetRequiredService<IExperimentTracker>();
        foreach ((string id, string experiment, string algorithm, string trees, double auc, RunStatus status) in new[]
        {
            ("r1", "exp", "lightgbm", "20", 0.85, RunStatus.Completed),
            ("r2", "exp", "fastforest", "50", 0.75, RunStatus.Completed),
            ("r3", "exp", "lightgbm", "80", 0.90, RunStatus.Failed),
            ("r4", "other", "lightgbm", "20", 0.95, RunStatus.Completed),
        })
        {
            await tracker.StartRunAsync(new RunStart
            {
                Project = project, Experiment = experiment, RunId = id, Algorithm = algorithm,
                Parameters = new Dictionary<string, string> { ["trees"] = trees },
            });
            await tracker.LogMetricsAsync(project, id, new Dictionary<string, double> { ["auc"] = auc });
            await tracker.EndRunAsync(project, id, status);
        }

        return project;
    }
}
