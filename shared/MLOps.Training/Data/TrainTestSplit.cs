namespace MLOps.Training.Data;

/// <summary>A train/test partition of one table; <see cref="Fold"/> is the fold number in k-fold, 0 for a holdout.</summary>
public sealed record TrainTestSplit(TrainingTable Train, TrainingTable Test, int Fold = 0);
