namespace MLOps.Core.Events;

/// <summary>An event the platform publishes; <see cref="Id"/> makes redelivery detectable downstream.</summary>
public sealed record PlatformEvent(string Id, string Type, string Subject, object Data);
