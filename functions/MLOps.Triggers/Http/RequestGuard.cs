using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using MLOps.Core.Pipelines;
using MLOps.Core.Security;

namespace MLOps.Triggers.Http;

/// <summary>Authenticates the API key on a request and checks the caller's roles: 401 without a key, 403 without a role.</summary>
public sealed class RequestGuard(ApiKeyAuthenticator authenticator, PermissionMatrix permissions)
{
    public const string ApiKeyHeader = "x-api-key";

    /// <summary>The header Event Grid publishers send a topic key in.</summary>
    public const string EventGridKeyHeader = "aeg-sas-key";

    /// <summary>Whether the request carries a known key (what it may do is for <see cref="TryAuthorize(HttpRequest, Permission, out CallerIdentity?, out IResult?)"/>).</summary>
    public bool IsAuthenticated(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return authenticator.Authenticate(PresentedKey(request)) is not null;
    }

    public bool TryAuthorize(
        HttpRequest request, Permission permission, [NotNullWhen(true)] out CallerIdentity? caller, [NotNullWhen(false)] out IResult? denied) =>
        this.TryAuthorize(request, c => permissions.Allows(c, permission), ActionText(permission), out caller, out denied);

    public bool TryAuthorizeStart(
        HttpRequest request, PipelineDefinition pipeline, [NotNullWhen(true)] out CallerIdentity? caller, [NotNullWhen(false)] out IResult? denied) =>
        this.TryAuthorize(request, c => PermissionMatrix.AllowsStart(c, pipeline), $"start the '{pipeline.Name}' pipeline", out caller, out denied);

    private bool TryAuthorize(
        HttpRequest request, Func<CallerIdentity, bool> allowed, string action,
        [NotNullWhen(true)] out CallerIdentity? caller, [NotNullWhen(false)] out IResult? denied)
    {
        ArgumentNullException.ThrowIfNull(request);
        CallerIdentity? authenticated = authenticator.Authenticate(PresentedKey(request));
        if (authenticated is null || !allowed(authenticated))
        {
            denied = authenticated is null ? Problems.Unauthorized() : Problems.Forbidden(authenticated.Principal, action);
            caller = null;
            return false;
        }

        caller = authenticated;
        denied = null;
        return true;
    }

    private static string? PresentedKey(HttpRequest request)
    {
        string? key = request.Headers[ApiKeyHeader];
        if (string.IsNullOrEmpty(key))
        {
            key = request.Headers[EventGridKeyHeader];
        }

        // Event Grid subscriptions can only carry a secret in the URL, as Azure Functions' own 'code' does.
        if (string.IsNullOrEmpty(key) && request.Path.StartsWithSegments("/api/events", StringComparison.OrdinalIgnoreCase))
        {
            key = request.Query["code"];
        }

        return key;
    }

    private static string ActionText(Permission permission) => permission switch
    {
        Permission.ReadInstances => "read pipeline instances",
        Permission.RaiseEvent => "raise events to pipeline instances",
        Permission.TerminateInstance => "terminate pipeline instances",
        Permission.PurgeInstance => "purge pipeline instances",
        Permission.ReadAudit => "read the audit log",
        Permission.VerifyAudit => "verify the audit log",
        Permission.DeliverEvents => "deliver events",
        Permission.ReadProjects => "read projects and their data",
        Permission.ManageModels => "register models or move their aliases",
        Permission.ApproveModels => "approve or reject model versions",
        Permission.Score => "score records on serving endpoints",
        Permission.ManageEndpoints => "point serving endpoints at model packages",
        Permission.ManageTraffic => "set the traffic shares of serving endpoints",
        _ => permission.ToString(),
    };
}
