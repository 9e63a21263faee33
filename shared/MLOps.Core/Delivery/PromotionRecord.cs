namespace MLOps.Core.Delivery;

/// <summary>What a promotion did: the champion's move and the deployments retired (by endpoint).</summary>
public sealed record PromotionRecord(int? ChampionFrom, int ChampionTo, IReadOnlyList<string> Retired);
