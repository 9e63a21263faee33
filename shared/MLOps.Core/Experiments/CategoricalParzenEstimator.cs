namespace MLOps.Core.Experiments;

/// <summary>Smoothed choice frequencies: observed counts plus the prior weight spread evenly over all choices.</summary>
internal sealed class CategoricalParzenEstimator
{
    private readonly double[] logProbabilities;

    public CategoricalParzenEstimator(IReadOnlyList<int> observations, int choices, double priorWeight)
    {
        double[] counts = Enumerable.Repeat(priorWeight / choices, choices).ToArray();
        foreach (int index in observations)
        {
            counts[index] += 1;
        }

        double total = counts.Sum();
        this.logProbabilities = counts.Select(c => Math.Log(c / total)).ToArray();
    }

    public int Sample(SeededRandom random) => NumericParzenEstimator.PickComponent(this.logProbabilities, random);

    public double LogProbability(int index) => this.logProbabilities[index];
}
