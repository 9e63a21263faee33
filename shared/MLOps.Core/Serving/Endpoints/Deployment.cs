using System.Globalization;
using MLOps.Core.Requirements;

namespace MLOps.Core.Serving.Endpoints;

/// <summary>
/// One model package deployed behind an endpoint. <see cref="Id"/> is derived from the package digest, so deploying
/// the same package again is the same deployment. <see cref="TrafficPercent"/> is the share of the endpoint's requests
/// it answers and <see cref="MirrorPercent"/> the share it scores a copy of without answering (see
/// <see cref="TrafficRouter"/>); both are percentages with a resolution of 0.01 (<see cref="TrafficTable"/>). Model,
/// version and task are copied from the package when it is deployed, so an endpoint can be read and routed without
/// opening its packages.
/// </summary>
public sealed record Deployment
{
    /// <summary>Hex digits of the digest in the id: 48 bits, and an endpoint holds a handful of deployments.</summary>
    private const int DigestPrefix = 12;

    public required string Id { get; init; }

    /// <summary>The package's digest (lower-case hex SHA-256 of its manifest).</summary>
    public required string Package { get; init; }

    public required string Model { get; init; }

    public required int ModelVersion { get; init; }

    public required ModelTask Task { get; init; }

    /// <summary>Share of requests answered, 0 to 100; a deployment at 0 is kept loaded (a warm standby or a shadow).</summary>
    public double TrafficPercent { get; init; } = 100;

    /// <summary>Share of requests mirrored to it: scored and logged, never answered.</summary>
    public double MirrorPercent { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public static string IdFor(string digest)
    {
        ArgumentException.ThrowIfNullOrEmpty(digest);
        return string.Create(CultureInfo.InvariantCulture, $"d-{digest[..Math.Min(DigestPrefix, digest.Length)]}");
    }

    /// <summary>The model name the ONNX workers serve this deployment under: one per project, endpoint and deployment.</summary>
    public string ServingName(string project, string endpoint) => $"{project}.{endpoint}.{this.Id}";
}
