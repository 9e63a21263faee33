using MLOps.Core.Serving.Endpoints;

namespace MLOps.Core.Delivery;

/// <summary>A package as a rollout names it: its digest and the registered version it holds.</summary>
public sealed record DeployedPackage(string Digest, string Model, int Version)
{
    /// <summary>The deployment id an endpoint (and its request log) gives the package.</summary>
    public string DeploymentId => Deployment.IdFor(this.Digest);

    public override string ToString() => $"{this.Model} v{this.Version} (package {this.Digest[..Math.Min(12, this.Digest.Length)]})";
}
