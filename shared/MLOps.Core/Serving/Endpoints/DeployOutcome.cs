namespace MLOps.Core.Serving.Endpoints;

/// <summary>
/// How a deployment request ended: <see cref="Status"/> 200 (changed or unchanged) or 201 (created) with the
/// endpoint and the workers that loaded the package now (the others load it on their first score); 400, 404 or 409
/// with <see cref="Detail"/>.
/// </summary>
public sealed record DeployOutcome(int Status, ServingEndpoint? Endpoint, IReadOnlyList<Uri> LoadedOn, string? Detail = null)
{
    public static DeployOutcome Refused(int status, string detail) => new(status, null, [], detail);
}
