namespace MLOps.Core.Delivery;

/// <summary>
/// Where a <c>PackageBuilt</c> event deploys when the project's spec names a deployment strategy (section
/// <c>Delivery</c>): <see cref="Endpoint"/>, then, when set, <see cref="PromoteTo"/> (e.g. <c>production</c>).
/// </summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Delivery";

    public string Endpoint { get; set; } = "staging";

    public string? PromoteTo { get; set; }
}
