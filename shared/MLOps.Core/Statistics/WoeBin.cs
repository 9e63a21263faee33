namespace MLOps.Core.Statistics;

/// <summary>One bin of a weight-of-evidence table: its counts and WoE = ln(non-event share / event share).</summary>
public sealed record WoeBin(string Label, long Events, long NonEvents, double WoE);
