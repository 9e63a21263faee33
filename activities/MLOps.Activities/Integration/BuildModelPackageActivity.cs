using Microsoft.DurableTask;
using MLOps.Core.Packaging;

namespace MLOps.Activities.Integration;

/// <summary>
/// Builds, signs and publishes the model package of a registered version; returns its digest (and size). Safe to
/// retry: the same version gives the same digest, and a published package is left as it is.
/// </summary>
public sealed class BuildModelPackageActivity(PackageBuilder builder) : TaskActivity<BuildPackageRequest, BuiltPackage>
{
    public override Task<BuiltPackage> RunAsync(TaskActivityContext context, BuildPackageRequest input) =>
        builder.BuildAsync(input);
}
