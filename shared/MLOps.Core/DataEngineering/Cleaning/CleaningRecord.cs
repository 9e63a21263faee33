namespace MLOps.Core.DataEngineering.Cleaning;

/// <summary>The stored cleaning report of one pass: the dataset, the counts and samples, and the change guard's verdict.</summary>
public sealed record CleaningRecord(string Dataset, CleaningReport Report, CleaningVerdict Guard);
