using Microsoft.AspNetCore.Http;

namespace MLOps.Triggers.Http;

/// <summary>
/// The management links of a started instance, under the names Durable Functions clients know.
/// </summary>
public sealed record ManagementUrls(
    string Id,
    string Pipeline,
    bool Duplicate,
    string StatusQueryGetUri,
    string SendEventPostUri,
    string TerminatePostUri,
    string PurgeHistoryDeleteUri)
{
    public static ManagementUrls For(HttpRequest request, string pipeline, string instanceId, bool duplicate)
    {
        ArgumentNullException.ThrowIfNull(request);
        string instance = $"{request.Scheme}://{request.Host}{request.PathBase}/api/instances/{Uri.EscapeDataString(instanceId)}";
        return new ManagementUrls(
            instanceId,
            pipeline,
            duplicate,
            instance,
            instance + "/raiseEvent/{eventName}",
            instance + "/terminate?reason={text}",
            instance);
    }
}
