namespace MLOps.Training.Onnx;

/// <summary>
/// The outcome of comparing ONNX Runtime's scores with ML.NET's on the same rows. <see cref="WorstRow"/> is the row
/// index (and <see cref="WorstKey"/> its entity key) with the largest absolute difference; <see cref="Reason"/> is set
/// when the model is rejected. <see cref="Tolerance"/> is the largest absolute difference allowed: the configured
/// tolerance, scaled by the scores' magnitude for regression (<see cref="OnnxParityChecker.Allowed"/>).
/// </summary>
public sealed record ParityReport(
    bool Passed,
    double MaxAbsoluteDifference,
    int WorstRow,
    string? WorstKey,
    int Rows,
    double Tolerance,
    string Provider,
    string? Reason);
