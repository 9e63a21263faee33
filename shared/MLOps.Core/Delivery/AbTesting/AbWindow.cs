namespace MLOps.Core.Delivery.AbTesting;

/// <summary>An A/B experiment's arms (deployment ids) on an endpoint, and the window of requests whose labelled outcomes count.</summary>
public sealed record AbWindow(
    string Project, string Endpoint, string Control, string Treatment, DateTimeOffset From, DateTimeOffset To);
