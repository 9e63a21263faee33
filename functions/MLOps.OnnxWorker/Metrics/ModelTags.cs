using System.Diagnostics;

namespace MLOps.OnnxWorker.Metrics;

/// <summary>The metric labels of one model version, built once at load so the hot path records without allocating.</summary>
public sealed class ModelTags(string model, string version)
{
    public const string Unknown = "";

    public string Model { get; } = model;

    public string Version { get; } = version;

    public TagList Tags { get; } = new() { { "model", model }, { "version", version } };
}
