using MLOps.Core.DataEngineering.Cleaning;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.DataEngineering.Profiling;
using MLOps.Core.DataEngineering.Validation;
using MLOps.Core.Requirements;

namespace MLOps.Core.DataEngineering;

/// <summary>
/// Runs on a sample what the data pipeline runs on a landed file, with the same pieces in the same order, so the
/// spec review cannot accept what the pipeline would refuse: profile (<see cref="ColumnProfiler"/>), validate
/// against <see cref="DataContract.ValidationRules(ProjectSpec)"/> (<see cref="DataValidator"/>), and, unless a
/// hard rule failed (where the pipeline stops too), clean by <see cref="DataContract.CleaningPlan"/> (imputation aside) and judge the
/// pass with <see cref="CleaningGuard"/>. On a partial sample the verdict is the sample's; the caller says so.
/// </summary>
public static class ContractRehearsal
{
    public static ContractRehearsalResult Run(ProjectSpec spec, DataSample sample)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(sample);

        // The sample keeps missing fields as null; the pipeline reads them as empty fields. Lines are not kept, so a
        // record's line is taken as its number + 1 (exact unless a quoted field spans lines).
        CsvRecord[] records = sample.Rows
            .Select((row, i) => new CsvRecord(i + 1, i + 2, row.Select(v => v ?? string.Empty).ToArray()))
            .ToArray();
        var batch = new CsvBatch(sample.Columns, records);
        var profiler = new ColumnProfiler(sample.Columns);
        profiler.Add(batch);

        // A sample standing for a larger population is held to the row count of that population.
        DatasetProfile profile = ColumnProfiler.Finish(profiler.ToPartial()) with { Rows = sample.TotalRows };
        ValidationRun validation = new DataValidator().Start(profile, DataContract.ValidationRules(spec));
        validation.Inspect(batch);
        QualityReport quality = validation.Complete("sample");
        if (quality.Status == QualityStatus.Failed)
        {
            return new ContractRehearsalResult(quality, null, null);
        }

        // As the pipeline's cleaning pass the guard judges: everything but imputation, whose fills are fitted later
        // on the training rows and which changes no present value.
        CleaningPlan plan = FeatureStore.Engineering.FeatureRowPlan.For(spec.DataRules, spec.Target.Column).Cleaning;
        CleaningRun cleaning = new DataCleaner(plan).Start(sample.Columns, new Dictionary<string, string>());
        cleaning.Clean(batch);
        CleaningReport report = cleaning.Report;
        return new ContractRehearsalResult(quality, report, CleaningGuard.Review(spec, report));
    }
}
