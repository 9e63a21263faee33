using MLOps.Core.Experiments;

namespace MLOps.UnitTests.Core.Experiments;

public class MedianStoppingRuleTests
{
    // Running averages at step 2: 0.6, 0.6, 0.3, 0.85, 0.75 -> median 0.6. The one-step trial is not compared at step 2.
    private static readonly IReadOnlyList<double>[] Completed =
    [
        [0.5, 0.7, 0.9],
        [0.6, 0.6],
        [0.2, 0.4, 0.8],
        [0.8, 0.9],
        [0.7, 0.8, 0.9],
        [0.9],
    ];

    private static readonly MedianStoppingRule Rule = new(new MedianStoppingOptions());

    [Fact]
    public void A_trial_whose_best_is_below_the_median_running_average_stops()
    {
        StoppingDecision decision = Rule.Evaluate([0.4, 0.55], Completed);

        Assert.Equal(new StoppingDecision(true, 2, 0.55, 0.6, 5), decision);
    }

    [Fact]
    public void The_best_so_far_counts_not_the_latest_value() =>
        Assert.False(Rule.Evaluate([0.65, 0.5], Completed).Stop);

    [Fact]
    public void Equal_to_the_median_keeps_running() =>
        Assert.False(Rule.Evaluate([0.6, 0.5], Completed).Stop);

    [Fact]
    public void Too_few_completed_trials_at_the_step_never_stop()
    {
        var strict = new MedianStoppingRule(new MedianStoppingOptions(MinCompletedTrials: 6));

        StoppingDecision decision = strict.Evaluate([0.1, 0.1], Completed);

        Assert.False(decision.Stop);
        Assert.Null(decision.Median);
    }

    [Fact]
    public void Warm_up_steps_never_stop()
    {
        // At step 3 only three completed trials reported three values: averages 0.7, 0.467, 0.8.
        var patient = new MedianStoppingRule(new MedianStoppingOptions(MinCompletedTrials: 3, MinSteps: 3));

        Assert.False(patient.Evaluate([0.1, 0.1], Completed).Stop);
        StoppingDecision decision = patient.Evaluate([0.1, 0.1, 0.1], Completed);
        Assert.True(decision.Stop);
        Assert.Equal(0.7, decision.Median!.Value, 12);
    }

    [Fact]
    public void Only_completed_results_with_intermediate_values_are_compared()
    {
        var results = Completed.Select((v, i) => new TrialResult(i, "a", new Dictionary<string, string>(), v[^1], TrialStatus.Completed, v))
            .Append(new TrialResult(9, "a", new Dictionary<string, string>(), 0, TrialStatus.Stopped, [0.0, 0.0]))
            .ToList();

        Assert.Equal(5, Rule.Evaluate([0.4, 0.55], results).ComparedTrials);
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two() =>
        Assert.Equal(2.5, MedianStoppingRule.Median([4, 1, 3, 2]));
}
