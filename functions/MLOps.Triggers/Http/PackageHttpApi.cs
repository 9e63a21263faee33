using Microsoft.AspNetCore.Http;
using MLOps.Core.DataEngineering;
using MLOps.Core.Packaging;
using MLOps.Core.Registry;
using MLOps.Core.Security;

namespace MLOps.Triggers.Http;

/// <summary>
/// <c>GET /api/packages/{digest}</c>: a model package, verified (signature, manifest, every file's SHA-256) before
/// anything of it is answered — its <c>package.json</c>, its manifest, and the build state the registry shows for its
/// version. 404 when no package has the digest, 409 when one exists but does not verify (the detail names the file).
/// Read like the registry: <see cref="Permission.ReadProjects"/>.
/// </summary>
public sealed class PackageHttpApi(ModelPackageReader reader, IModelRegistry registry, RequestGuard guard)
{
    public async Task<IResult> GetAsync(HttpRequest request, string digest)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!guard.TryAuthorize(request, Permission.ReadProjects, out _, out IResult? denied))
        {
            return denied;
        }

        if (!PackageDigests.IsValid(digest))
        {
            // The request gate refuses it first; kept for callers that reach the handler directly.
            return Problems.BadRequest($"digest: must be a package digest ({PackageDigests.Length} lower-case hex digits).");
        }

        CancellationToken cancel = request.HttpContext.RequestAborted;
        ModelPackage? package;
        try
        {
            package = await reader.OpenAsync(digest, cancel);
        }
        catch (InvalidPackageException ex)
        {
            return Problems.Conflict(ex.Message);
        }

        if (package is null)
        {
            return Problems.NotFound($"No package has the digest '{digest}'.");
        }

        PackageDescriptor descriptor = package.Descriptor;
        ModelVersion? version = await registry.GetVersionAsync(descriptor.Project, descriptor.Model, descriptor.Version, cancel);
        return Results.Json(
            new
            {
                Digest = digest,
                Verified = true,
                Package = descriptor,
                package.Manifest,
                Build = version?.Package,
            },
            DataEngineeringJson.Options);
    }
}
