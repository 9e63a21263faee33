namespace MLOps.Training.Experiments;

/// <summary>A recorded run trained again: the recorded and the recomputed mean metrics and their largest difference.</summary>
public sealed record RunReproduction(
    string RunId,
    IReadOnlyDictionary<string, double> Recorded,
    IReadOnlyDictionary<string, double> Reproduced,
    double MaxDifference)
{
    /// <summary>Deterministic trainers must agree to within 1e-9.</summary>
    public bool Reproduced1e9 => this.MaxDifference <= 1e-9;
}
