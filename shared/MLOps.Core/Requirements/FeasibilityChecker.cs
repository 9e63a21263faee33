using System.Globalization;
using MLOps.Core.DataEngineering;

namespace MLOps.Core.Requirements;

/// <summary>
/// Checks a validated spec against a sample of the real data before any modelling starts. The data contract is
/// checked by rehearsing the data pipeline on the sample (<see cref="ContractRehearsal"/>: the same validation
/// rules, cleaning plan and change guard), so the review accepts exactly what the pipeline would accept on the same
/// rows; on top of that: the label present and usably balanced, and no feature that is the label in disguise.
/// The spec must be valid (<see cref="ProjectSpecValidator"/>).
/// </summary>
public static class FeasibilityChecker
{
    public static FeasibilityReport Check(ProjectSpec spec, DataSample sample, FeasibilityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(sample);
        options ??= FeasibilityOptions.Default;
        List<FeasibilityFinding> findings = [];
        ContractFindings.Add(spec, sample, ContractRehearsal.Run(spec, sample), findings);
        LabelBalance? balance = null;
        List<ColumnSignal> signals = [];
        if (sample.IndexOf(spec.Target.Column) < 0)
        {
            findings.Add(new(FeasibilityCheck.LabelPresent, FindingSeverity.Error, $"the target column '{spec.Target.Column}' is not in the data")
            { Column = spec.Target.Column });
        }
        else
        {
            IReadOnlyList<string?> target = sample.Column(spec.Target.Column);
            balance = LabelChecks.Check(spec, target, options, findings);
            CheckLeakage(spec, sample, target, options, findings, signals);
        }

        return new FeasibilityReport(sample.TotalRows, findings) { Balance = balance, Signals = signals };
    }

    private static void CheckLeakage(
        ProjectSpec spec, DataSample sample, IReadOnlyList<string?> target, FeasibilityOptions options, List<FeasibilityFinding> findings, List<ColumnSignal> signals)
    {
        Dictionary<string, ColumnSignal?> byColumn = new(StringComparer.Ordinal);
        foreach (FeatureDefinition feature in spec.Features)
        {
            foreach (string column in feature.Sources.Where(c => c != spec.Target.Column && sample.IndexOf(c) >= 0))
            {
                if (!byColumn.TryGetValue(column, out ColumnSignal? signal))
                {
                    bool numeric = spec.DataRules.Find(column)?.IsNumeric ?? sample.Column(column).All(v => v is null || ColumnSignals.TryNumber(v, out _));
                    signal = byColumn[column] = ColumnSignals.Score(column, sample.Column(column), numeric, target, spec, options);
                    if (signal is not null)
                    {
                        signals.Add(signal);
                    }
                }

                if (signal is not null && signal.Value >= options.LeakageThreshold)
                {
                    findings.Add(new(
                        FeasibilityCheck.Leakage,
                        FindingSeverity.Error,
                        $"feature '{feature.Name}': column '{column}' alone gives {signal.Statistic} {signal.Value.ToString("F4", CultureInfo.InvariantCulture)} ≥ {options.LeakageThreshold.ToString(CultureInfo.InvariantCulture)}; it probably encodes the label")
                    { Feature = feature.Name, Column = column, Actual = signal.Value, Limit = options.LeakageThreshold });
                }
            }
        }
    }

    // Invariant "P2" writes "2.00 %"; reports read better as "2.00%".
    internal static string Percent(double share) => (share * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
