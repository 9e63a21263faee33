namespace MLOps.Core.Registry;

/// <summary>A named model of a project; its versions count from 1.</summary>
public sealed record RegisteredModel(string Name, string Project, string? Description, DateTimeOffset CreatedAt);
