using MLOps.Core.Tracking;

namespace MLOps.UnitTests.Core.Tracking;

public sealed class RunQueryTests
{
    private static readonly RunRecord[] Runs =
    [
        Run("r1", 1, new() { ["Auc"] = 0.85, ["LogLoss"] = 0.4 }, new() { ["NumberOfLeaves"] = "16" }),
        Run("r2", 2, new() { ["Auc"] = 0.75 }, new() { ["NumberOfLeaves"] = "8" }),
        Run("r3", 3, new() { ["Auc"] = double.NaN }, new() { ["ClassWeights"] = "Balanced" }),
        Run("r4", 4, new() { ["F1"] = 0.5 }, new()),
    ];

    [Theory]
    [InlineData("auc>0.8")]
    [InlineData("AUC > 0.8")]
    [InlineData("Auc>0.8")]
    public void Metric_names_ignore_case(string where)
    {
        Assert.Equal(["r1"], Ids(new RunFilter { Metric = MetricCondition.Parse(where) }));
    }

    [Fact]
    public void Ordering_ignores_case_and_puts_runs_without_a_value_or_with_an_undefined_one_last()
    {
        Assert.Equal(["r1", "r2", "r3", "r4"], Ids(new RunFilter { OrderBy = "auc" }));
        Assert.Equal(["r2", "r1", "r3", "r4"], Ids(new RunFilter { OrderBy = "AUC", Descending = false }));
        Assert.Equal(["r1"], Ids(new RunFilter { OrderBy = "auc", Top = 1 }));
    }

    [Fact]
    public void Parameters_are_queried_as_numbers_with_the_params_prefix()
    {
        Assert.Equal(["r1"], Ids(new RunFilter { Metric = MetricCondition.Parse("params.numberofleaves>=10") }));
        Assert.Equal(["r2", "r1", "r3", "r4"], Ids(new RunFilter { OrderBy = "params.NumberOfLeaves", Descending = false }));
    }

    [Theory]
    [InlineData("aucc>0.8", null, "Metric", "aucc")]
    [InlineData(null, "bogus", "OrderBy", "bogus")]
    [InlineData("params.trees>1", null, "Metric", "params.trees")]
    public void An_unknown_name_is_refused_with_the_known_ones(string? where, string? orderBy, string field, string name)
    {
        var filter = new RunFilter { Metric = where is null ? null : MetricCondition.Parse(where), OrderBy = orderBy };

        UnknownRunValueException ex = Assert.Throws<UnknownRunValueException>(() => RunQuery.Apply(Runs, filter));

        Assert.Equal((name, field), (ex.Name, ex.Field));
        Assert.Equal(["Auc", "F1", "LogLoss", "params.ClassWeights", "params.NumberOfLeaves"], ex.Known);
    }

    [Fact]
    public void No_runs_means_no_names_to_check_and_an_empty_answer()
    {
        Assert.Empty(RunQuery.Apply([], new RunFilter { Metric = MetricCondition.Parse("anything>1"), OrderBy = "whatever" }));
    }

    private static string[] Ids(RunFilter filter) => [.. RunQuery.Apply(Runs, filter).Select(r => r.RunId)];

    private static RunRecord Run(string id, int minute, Dictionary<string, double> metrics, Dictionary<string, string> parameters) => new()
    {
        Project = "p",
        Experiment = "e",
        RunId = id,
        Status = RunStatus.Completed,
        StartTime = new DateTimeOffset(2026, 1, 1, 0, minute, 0, TimeSpan.Zero),
        Metrics = metrics,
        Parameters = parameters,
    };
}
