using MLOps.Core.DataEngineering;
using MLOps.Core.DataEngineering.Cleaning;
using MLOps.Core.Requirements;

namespace MLOps.Core.FeatureStore.Engineering;

/// <summary>
/// The row-level path from a landed record to a feature row: <see cref="Cleaning"/> (spellings, invalid values,
/// duplicates; nothing imputed), then <see cref="Imputing"/> with the fills fitted on the training rows, then the
/// <see cref="FittedFeatureSet"/>'s encoder. The feature-set build runs the two cleaning steps in separate passes
/// (the fills are fitted in between); a model package's contract runs them back to back on one record. Both take
/// the plan from <see cref="For"/>, so they cannot disagree on a rule.
/// </summary>
public sealed record FeatureRowPlan(CleaningPlan Cleaning, CleaningPlan Imputing)
{
    /// <summary>The imputations, whose fills <see cref="FeatureEngineer"/> fits on the training rows.</summary>
    public IReadOnlyList<ImputeRule> Imputations => this.Imputing.Imputations;

    /// <summary>The plan of the spec's data rules; the target is never imputed (see <see cref="DataContract.CleaningPlan"/>).</summary>
    public static FeatureRowPlan For(DataRules rules, string? targetColumn)
    {
        CleaningPlan plan = DataContract.CleaningPlan(rules, targetColumn);
        return new FeatureRowPlan(plan with { Imputations = [] }, new CleaningPlan { Imputations = plan.Imputations });
    }
}
