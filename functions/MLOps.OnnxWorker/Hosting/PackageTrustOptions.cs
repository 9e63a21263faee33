namespace MLOps.OnnxWorker.Hosting;

/// <summary>
/// The public keys whose package signatures this worker accepts (section <c>Packaging</c>, the same section the
/// signing hosts use): <see cref="PublicKeyPem"/> for one key, <see cref="TrustedPublicKeysPem"/> for more (a
/// retired key, another environment's). The worker holds no private key.
/// </summary>
public sealed record PackageTrustOptions
{
    public const string SectionName = "Packaging";

    public string? PublicKeyPem { get; init; }

    public IReadOnlyList<string> TrustedPublicKeysPem { get; init; } = [];

    public IReadOnlyList<string> All =>
        [.. new[] { this.PublicKeyPem }.Concat(this.TrustedPublicKeysPem).Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k!)];
}
