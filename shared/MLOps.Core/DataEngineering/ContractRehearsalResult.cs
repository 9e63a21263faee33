using MLOps.Core.DataEngineering.Cleaning;
using MLOps.Core.DataEngineering.Validation;

namespace MLOps.Core.DataEngineering;

/// <summary>What the data pipeline would say about a sample: the quality report and, unless it failed, the cleaning pass and the guard's verdict.</summary>
public sealed record ContractRehearsalResult(QualityReport Quality, CleaningReport? Cleaning, CleaningVerdict? Guard)
{
    public bool Passed => this.Quality.Status != QualityStatus.Failed && this.Guard?.Passed != false;
}
