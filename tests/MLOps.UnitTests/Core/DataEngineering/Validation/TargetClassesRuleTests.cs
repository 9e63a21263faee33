using MLOps.Core.DataEngineering.Profiling;
using MLOps.Core.DataEngineering.Validation;

namespace MLOps.UnitTests.Core.DataEngineering.Validation;

public class TargetClassesRuleTests
{
    private static RuleResult Judge(TargetClassesRule rule, params string[] labels)
    {
        var table = DataFiles.Table(["y"], [.. labels.Select(l => new[] { l })]);
        var profiler = new ColumnProfiler(table.Columns);
        profiler.Add(table);
        ValidationRun run = new DataValidator().Start(ColumnProfiler.Finish(profiler.ToPartial()), [rule]);
        run.Inspect(table);
        return run.Complete("t").Results[0];
    }

    [Fact]
    public void Two_classes_pass_and_one_class_fails_naming_it()
    {
        Assert.True(Judge(new TargetClassesRule("y.classes", "y"), "a", "b", "a").Passed);

        RuleResult single = Judge(new TargetClassesRule("y.classes", "y"), "a", "a", "");
        Assert.False(single.Passed);
        Assert.Equal(("at least 2 classes", "a single class: 'a' (2)"), (single.Expected, single.Observed));
    }

    [Fact]
    public void A_binary_target_needs_exactly_its_two_classes_counted_as_cleaning_will_write_them()
    {
        var binary = new TargetClassesRule("y.classes", "y", 2, 2, "yes", ["yes", "no"], Normalised: true);

        Assert.True(Judge(binary, "Yes", "no", "NO", "yes ").Passed);
        RuleResult folded = Judge(binary, "Yes", "YES", "yes");
        Assert.Equal("a single class: 'yes' (3)", folded.Observed);
        RuleResult third = Judge(binary with { Normalised = false, AllowedValues = null }, "yes", "no", "maybe");
        Assert.Equal((false, "3 classes: 'maybe' (1), 'no' (1), 'yes' (1)"), (third.Passed, third.Observed));
        RuleResult noPositive = Judge(binary with { Normalised = false, AllowedValues = null }, "no", "maybe");
        Assert.Contains("the positive class 'yes' does not occur", noPositive.Observed, StringComparison.Ordinal);
    }

    [Fact]
    public void Beyond_the_profiled_top_values_only_what_is_proven_fails()
    {
        string[] many = [.. Enumerable.Range(0, 30).Select(i => $"c{i}")];

        Assert.True(Judge(new TargetClassesRule("y.classes", "y"), many).Passed);
        Assert.False(Judge(new TargetClassesRule("y.classes", "y", 2, 2), many).Passed);
    }
}
