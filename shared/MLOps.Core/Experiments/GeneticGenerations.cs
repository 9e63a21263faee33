namespace MLOps.Core.Experiments;

/// <summary>
/// Which generation a trial number belongs to, and each generation's population rebuilt from results alone
/// (so nothing needs to persist between orchestrator replays). Generation 0 is trials [0, P); generation g ≥ 1
/// is the next P − E numbers. Population g = best E of population g − 1 plus generation g's completed children.
/// </summary>
internal sealed class GeneticGenerations(int populationSize, int eliteCount)
{
    private int Children => populationSize - eliteCount;

    public int GenerationOf(int trialNumber) =>
        trialNumber < populationSize ? 0 : 1 + ((trialNumber - populationSize) / this.Children);

    public int FirstTrialOf(int generation) =>
        generation == 0 ? 0 : populationSize + ((generation - 1) * this.Children);

    public List<TrialResult> Population(int generation, IReadOnlyList<TrialResult> results)
    {
        List<TrialResult> population = [];
        for (int g = 0; g <= generation; g++)
        {
            int first = this.FirstTrialOf(g);
            int end = this.FirstTrialOf(g + 1);
            var children = results.Where(r =>
                r.Status == TrialStatus.Completed && r.TrialNumber >= first && r.TrialNumber < end);
            population = Ranked(Ranked(population).Take(g == 0 ? 0 : eliteCount).Concat(children));
        }

        return population;
    }

    public static List<TrialResult> Ranked(IEnumerable<TrialResult> trials) =>
        trials.OrderByDescending(t => t.Score).ThenBy(t => t.TrialNumber).ToList();
}
