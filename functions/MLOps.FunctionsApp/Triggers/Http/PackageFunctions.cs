using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using MLOps.Triggers.Http;

namespace MLOps.FunctionsApp.Triggers.Http;

/// <summary>Model packages by digest, verified before they are answered.</summary>
public sealed class PackageFunctions(PackageHttpApi api)
{
    [Function("GetModelPackage")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "packages/{digest}")] HttpRequest request,
        string digest) =>
        api.GetAsync(request, digest);
}
