namespace MLOps.Core.Experiments;

/// <summary>
/// Vizier's median stopping rule (Golovin et al. 2017): at step s a trial stops when its best value so far is
/// strictly worse than the median of the completed trials' running averages up to step s. Higher is better.
/// Completed trials that reported fewer than s values are not compared at step s.
/// </summary>
public sealed class MedianStoppingRule(MedianStoppingOptions options)
{
    private readonly MedianStoppingOptions options = options ?? throw new ArgumentNullException(nameof(options));

    public StoppingDecision Evaluate(IReadOnlyList<double> trialValues, IEnumerable<IReadOnlyList<double>> completedValues)
    {
        ArgumentNullException.ThrowIfNull(trialValues);
        ArgumentNullException.ThrowIfNull(completedValues);
        int step = trialValues.Count;
        double best = step == 0 ? double.NaN : trialValues.Max();
        var averages = completedValues.Where(v => v.Count >= step && step > 0)
            .Select(v => v.Take(step).Average())
            .ToList();
        if (step < this.options.MinSteps || step == 0 || averages.Count < this.options.MinCompletedTrials)
        {
            return new StoppingDecision(false, step, best, null, averages.Count);
        }

        double median = Median(averages);
        return new StoppingDecision(best < median, step, best, median, averages.Count);
    }

    /// <summary>Compares against the completed trials of the same search that reported intermediate values.</summary>
    public StoppingDecision Evaluate(IReadOnlyList<double> trialValues, IReadOnlyList<TrialResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return this.Evaluate(
            trialValues,
            results.Where(r => r.Status == TrialStatus.Completed && r.IntermediateValues is not null)
                .Select(r => r.IntermediateValues!));
    }

    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double[] sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
