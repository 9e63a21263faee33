namespace MLOps.Core.Experiments;

/// <summary>The good model l(x) and bad model g(x) of one parameter, both in the parameter's internal space.</summary>
internal sealed class ParameterModel
{
    private readonly ParameterRange range;
    private readonly NumericParzenEstimator? goodNumeric;
    private readonly NumericParzenEstimator? badNumeric;
    private readonly CategoricalParzenEstimator? goodChoice;
    private readonly CategoricalParzenEstimator? badChoice;

    public ParameterModel(ParameterRange range, TrialSplit split, double priorWeight)
    {
        this.range = range;
        if (range.Kind == ParameterKind.Categorical)
        {
            int choices = range.Choices!.Count;
            this.goodChoice = new CategoricalParzenEstimator(this.Indices(split.Good), choices, priorWeight);
            this.badChoice = new CategoricalParzenEstimator(this.Indices(split.Bad), choices, priorWeight);
            return;
        }

        (double low, double high) = ParameterCodec.InternalBounds(range);
        this.goodNumeric = new NumericParzenEstimator(this.Values(split.Good), low, high, priorWeight);
        this.badNumeric = new NumericParzenEstimator(this.Values(split.Bad), low, high, priorWeight);
    }

    /// <summary>A draw from l(x) as text, and its log l(x) − log g(x).</summary>
    public (string Value, double LogRatio) Sample(SeededRandom random)
    {
        if (this.goodChoice is not null)
        {
            int index = this.goodChoice.Sample(random);
            return (this.range.Choices![index], this.goodChoice.LogProbability(index) - this.badChoice!.LogProbability(index));
        }

        string value = ParameterCodec.FromInternal(this.range, this.goodNumeric!.Sample(random));
        // Score the value actually proposed (integers rounded, bounds clamped), not the raw draw.
        double x = ParameterCodec.ToInternal(this.range, value);
        return (value, this.goodNumeric.LogDensity(x) - this.badNumeric!.LogDensity(x));
    }

    private List<double> Values(IEnumerable<TrialResult> trials) =>
        trials.Where(t => t.Parameters.ContainsKey(this.range.Name))
            .Select(t => ParameterCodec.ToInternal(this.range, t.Parameters[this.range.Name]))
            .ToList();

    private List<int> Indices(IEnumerable<TrialResult> trials) =>
        this.Values(trials).Select(v => (int)v).ToList();
}
