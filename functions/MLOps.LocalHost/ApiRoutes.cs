using Microsoft.DurableTask.Client;
using MLOps.Triggers.EventGrid;
using MLOps.Triggers.Http;

namespace MLOps.LocalHost;

/// <summary>
/// The same routes as the Functions app, each a one-line call into MLOps.Triggers. Route parameters are named as
/// <see cref="RequestValues.Route"/> names them, so the request gate checks every value before a handler runs.
/// </summary>
public static class ApiRoutes
{
    public static IEndpointRouteBuilder MapMLOpsApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder api = app.MapGroup("/api");
        api.MapGet("/health", () => HealthHttpApi.Live());
        api.MapGet("/health/ready", (HttpRequest r, HealthHttpApi h) => h.ReadyAsync(r));
        api.MapGet("/pipelines", (HttpRequest r, PipelineHttpApi h) => h.ListPipelines(r));
        api.MapPost("/pipelines/{pipeline}", (HttpRequest r, string pipeline, PipelineHttpApi h, DurableTaskClient c) => h.StartAsync(r, pipeline, c));
        api.MapPost("/pipelines/cd/{id}/approvals", (HttpRequest r, string id, DeploymentHttpApi h, DurableTaskClient c) => h.DecideAsync(r, id, c));
        api.MapGet("/instances", (HttpRequest r, PipelineHttpApi h, DurableTaskClient c) => h.ListAsync(r, c));
        api.MapGet("/instances/{id}", (HttpRequest r, string id, PipelineHttpApi h, DurableTaskClient c) => h.GetStatusAsync(r, id, c));
        api.MapPost("/instances/{id}/raiseEvent/{eventName}", (HttpRequest r, string id, string eventName, PipelineHttpApi h, DurableTaskClient c) => h.RaiseEventAsync(r, id, eventName, c));
        api.MapPost("/instances/{id}/terminate", (HttpRequest r, string id, PipelineHttpApi h, DurableTaskClient c) => h.TerminateAsync(r, id, c));
        api.MapDelete("/instances/{id}", (HttpRequest r, string id, PipelineHttpApi h, DurableTaskClient c) => h.PurgeAsync(r, id, c));
        api.MapMethods("/events", ["OPTIONS"], (HttpRequest r) => EventGridWebhook.Handshake(r));
        api.MapPost("/events", (HttpRequest r, EventGridWebhook h, DurableTaskClient c) => h.ReceiveAsync(r, c));
        api.MapPost("/projects/{project}/spec", (HttpRequest r, string project, ProjectHttpApi h, DurableTaskClient c) => h.SubmitSpecAsync(r, project, c));
        api.MapGet("/projects/{project}", (HttpRequest r, string project, ProjectHttpApi h) => h.GetAsync(r, project));
        api.MapGet("/projects/{project}/versions", (HttpRequest r, string project, ProjectHttpApi h) => h.ListVersionsAsync(r, project));
        api.MapGet("/projects/{project}/design", (HttpRequest r, string project, ProjectHttpApi h) => h.GetDesignDocumentAsync(r, project));
        api.MapPut("/projects/{project}/landing/{fileName}", (HttpRequest r, string project, string fileName, LandingHttpApi h, DurableTaskClient c) => h.UploadAsync(r, project, fileName, c));
        api.MapGet("/projects/{project}/landing", (HttpRequest r, string project, LandingHttpApi h) => h.ListAsync(r, project));
        api.MapGet("/projects/{project}/reports/{report}", (HttpRequest r, string project, string report, ReportHttpApi h) => h.ProjectReportAsync(r, project, report));
        api.MapGet("/projects/{project}/reports/feature-sets/{version}/{report}", (HttpRequest r, string project, string version, string report, ReportHttpApi h) => h.FeatureSetReportAsync(r, project, version, report));
        api.MapGet("/projects/{project}/reports/runs/{runId}/{report}", (HttpRequest r, string project, string runId, string report, ReportHttpApi h) => h.RunReportAsync(r, project, runId, report));
        api.MapGet("/projects/{project}/reports/models/{name}/versions/{version}/{report}", (HttpRequest r, string project, string name, string version, string report, ReportHttpApi h) => h.ModelReportAsync(r, project, name, version, report));
        api.MapGet("/projects/{project}/feature-sets", (HttpRequest r, string project, FeatureStoreHttpApi h) => h.ListAsync(r, project));
        api.MapGet("/projects/{project}/feature-sets/{version}", (HttpRequest r, string project, string version, FeatureStoreHttpApi h) => h.GetAsync(r, project, version));
        api.MapGet("/projects/{project}/feature-sets/{version}/statistics", (HttpRequest r, string project, string version, FeatureStoreHttpApi h) => h.GetStatisticsAsync(r, project, version));
        api.MapPost("/projects/{project}/feature-sets/{version}/training-set", (HttpRequest r, string project, string version, FeatureStoreHttpApi h) => h.TrainingSetAsync(r, project, version));
        api.MapGet("/projects/{project}/online-features", (HttpRequest r, string project, FeatureStoreHttpApi h) => h.GetOnlineAsync(r, project));
        api.MapGet("/projects/{project}/runs", (HttpRequest r, string project, TrackingHttpApi h) => h.SearchAsync(r, project));
        api.MapGet("/projects/{project}/runs/compare", (HttpRequest r, string project, TrackingHttpApi h) => h.CompareAsync(r, project));
        api.MapGet("/projects/{project}/runs/best", (HttpRequest r, string project, TrackingHttpApi h) => h.BestAsync(r, project));
        api.MapGet("/projects/{project}/runs/{runId}", (HttpRequest r, string project, string runId, TrackingHttpApi h) => h.GetAsync(r, project, runId));
        api.MapPost("/projects/{project}/runs/{runId}/reproduce", (HttpRequest r, string project, string runId, ReproductionHttpApi h, DurableTaskClient c) => h.ReproduceAsync(r, project, runId, c));
        api.MapGet("/projects/{project}/models/resolve", (HttpRequest r, string project, ModelRegistryHttpApi h) => h.ResolveAsync(r, project));
        api.MapGet("/projects/{project}/models/{name}", (HttpRequest r, string project, string name, ModelRegistryHttpApi h) => h.GetModelAsync(r, project, name));
        api.MapGet("/projects/{project}/models/{name}/compare", (HttpRequest r, string project, string name, ModelRegistryHttpApi h) => h.CompareAsync(r, project, name));
        api.MapGet("/projects/{project}/models/{name}/versions/{version}", (HttpRequest r, string project, string name, string version, ModelRegistryHttpApi h) => h.GetVersionAsync(r, project, name, version));
        api.MapGet("/projects/{project}/models/{name}/versions/{version}/card", (HttpRequest r, string project, string name, string version, ModelRegistryHttpApi h) => h.GetCardAsync(r, project, name, version));
        api.MapPost("/projects/{project}/models/{name}/versions/{version}/approval", (HttpRequest r, string project, string name, string version, ModelRegistryHttpApi h) => h.SetApprovalAsync(r, project, name, version));
        api.MapPut("/projects/{project}/models/{name}/aliases/{alias}", (HttpRequest r, string project, string name, string alias, ModelRegistryHttpApi h) => h.MoveAliasAsync(r, project, name, alias));
        api.MapPost("/projects/{project}/models/{name}/aliases/{alias}/rollback", (HttpRequest r, string project, string name, string alias, ModelRegistryHttpApi h) => h.RollbackAliasAsync(r, project, name, alias));
        api.MapGet("/projects/{project}/models/{name}/aliases/{alias}/history", (HttpRequest r, string project, string name, string alias, ModelRegistryHttpApi h) => h.AliasHistoryAsync(r, project, name, alias));
        api.MapGet("/projects/{project}/endpoints", (HttpRequest r, string project, ServingHttpApi h) => h.ListEndpointsAsync(r, project));
        api.MapGet("/projects/{project}/endpoints/{endpoint}", (HttpRequest r, string project, string endpoint, ServingHttpApi h) => h.GetEndpointAsync(r, project, endpoint));
        api.MapPut("/projects/{project}/endpoints/{endpoint}", (HttpRequest r, string project, string endpoint, ServingHttpApi h) => h.PutEndpointAsync(r, project, endpoint));
        api.MapPut("/projects/{project}/endpoints/{endpoint}/traffic", (HttpRequest r, string project, string endpoint, ServingHttpApi h) => h.PutTrafficAsync(r, project, endpoint));
        api.MapPost("/projects/{project}/endpoints/{endpoint}/score", (HttpRequest r, string project, string endpoint, ServingHttpApi h) => h.ScoreAsync(r, project, endpoint));
        api.MapGet("/packages/{digest}", (HttpRequest r, string digest, PackageHttpApi h) => h.GetAsync(r, digest));
        api.MapGet("/lineage", (HttpRequest r, FeatureStoreHttpApi h) => h.GetLineageAsync(r));
        api.MapGet("/audit", (HttpRequest r, AuditHttpApi h) => h.ListAsync(r));
        api.MapGet("/audit/verify", (HttpRequest r, AuditHttpApi h) => h.VerifyAsync(r));
        return app;
    }
}
