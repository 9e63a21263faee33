using System.Globalization;

namespace MLOps.Core.Audit;

/// <summary>
/// The deterministic identities of audited events, one place for every writer. An id names the thing and the
/// step (<c>pipeline/{instanceId}/started</c>), never a time or a random value, so every delivery of the same
/// step computes the same id.
/// </summary>
public static class AuditEventIds
{
    /// <summary>A pipeline run changed state (<c>started</c>, <c>completed</c>, <c>failed</c>).</summary>
    public static string PipelineState(string instanceId, string state) => $"pipeline/{instanceId}/{state}";

    /// <summary>A trigger accepted a start of the run with this instance id.</summary>
    public static string PipelineStart(string instanceId) => $"pipeline/{instanceId}/start";

    /// <summary>A model version was committed (its package complete and the version visible).</summary>
    public static string VersionRegistered(string project, string model, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"registry/{project}/{model}/v{version}/registered");

    /// <summary>The n-th approval decision recorded on a version.</summary>
    public static string VersionApproval(string project, string model, int version, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"registry/{project}/{model}/v{version}/approval/{sequence}");

    /// <summary>A version's model package was built and recorded under its digest.</summary>
    public static string PackageBuilt(string project, string model, int version, string digest) =>
        string.Create(CultureInfo.InvariantCulture, $"registry/{project}/{model}/v{version}/package/{digest}");

    /// <summary>The n-th move (or rollback) of an alias, numbered as in its history.</summary>
    public static string AliasMove(string project, string model, string alias, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"registry/{project}/{model}/alias/{alias}/{sequence}");

    /// <summary>A continuous-integration build of a version finished with its verdict.</summary>
    public static string IntegrationBuild(string project, string model, int version, string buildId) =>
        string.Create(CultureInfo.InvariantCulture, $"integration/{project}/{model}/v{version}/{buildId}");

    /// <summary>An endpoint reached this revision (a deployment changed).</summary>
    public static string EndpointRevision(string project, string endpoint, int revision) =>
        string.Create(CultureInfo.InvariantCulture, $"serving/{project}/{endpoint}/r{revision}");

    /// <summary>A moment of a continuous-deployment run (a step passed, an escalation, the rollback or promotion), named within the run.</summary>
    public static string Deployment(string runId, string key) => $"deployment/{runId}/{key}";
}
