using Microsoft.AspNetCore.Http;
using MLOps.Core.Pipelines;
using MLOps.Core.Scheduling;
using MLOps.Core.Landing;
using MLOps.Triggers.Http;

namespace MLOps.UnitTests.Triggers;

public sealed class RequestValuesTests
{
    [Theory]
    [InlineData("project", "credit-scoring", true)]
    [InlineData("project", "a\u0001b", false)]
    [InlineData("project", "UPPER", false)]
    [InlineData("name", "model.v2_final-1", true)]
    [InlineData("name", "a b", false)]
    [InlineData("alias", "champion", true)]
    [InlineData("alias", "Champion", false)]
    [InlineData("version", "latest", true)]
    [InlineData("version", "v!", false)]
    [InlineData("runId", "exp-1-grid-0-3", true)]
    [InlineData("runId", "r\n", false)]
    [InlineData("id", "a:b@c", true)]
    [InlineData("id", "a#b", false)]
    [InlineData("eventName", "Approval", true)]
    [InlineData("eventName", "a b", false)]
    [InlineData("pipeline", "data-engineering", true)]
    [InlineData("endpoint", "credit-live", true)]
    [InlineData("endpoint", "Credit", false)]
    [InlineData("endpoint", "a--b", false)]
    [InlineData("endpoint", "abcdefghijabcdefghijabcdefghijabcdefghij", true)]
    [InlineData("endpoint", "abcdefghijabcdefghijabcdefghijabcdefghijk", false)]
    [InlineData("anyNewParameter", "ok", true)]
    [InlineData("anyNewParameter", "not\u007fok", false)]
    public void Route_values_are_checked_by_parameter_name(string name, string value, bool valid)
    {
        IReadOnlyList<string> problems = RequestValues.Problems([new(name, value)], new QueryCollection());

        Assert.Equal(valid, problems.Count == 0);
        Assert.All(problems, p => Assert.StartsWith(name + ": ", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Long_values_are_refused_before_they_reach_a_table_key()
    {
        Assert.Single(RequestValues.Problems([new("runId", new string('r', 600))], new QueryCollection()));
        Assert.Single(RequestValues.Problems([new("id", new string('i', 2000))], new QueryCollection()));

        // 100 '#' escape to 300 characters of a Table key.
        Assert.Single(RequestValues.Problems([new("runId", new string('#', 100))], new QueryCollection()));
        Assert.Empty(RequestValues.Problems([new("runId", new string('#', 85))], new QueryCollection()));
    }

    [Theory]
    [InlineData("key", "", false)]
    [InlineData("key", "c01", true)]
    [InlineData("experiment", "", true)]
    [InlineData("reason", "moved back: drift", true)]
    [InlineData("reason", "a\nFORGED LOG LINE", false)]
    [InlineData("instanceId", "", true)]
    [InlineData("instanceId", "nightly-2026-01-01", true)]
    [InlineData("instanceId", "a/b", false)]
    [InlineData("instanceId", "event-123", false)]
    [InlineData("instanceId", "run-7-genetic-2", false)]
    [InlineData("status", "Running", true)]
    [InlineData("status", "a\u0001", false)]
    public void Query_values_follow_the_same_rules(string name, string value, bool valid)
    {
        var query = new QueryCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues> { [name] = value });

        Assert.Equal(valid, RequestValues.Problems([], query).Count == 0);
    }

    /// <summary>Every id the platform derives for itself starts with a reserved prefix, so no caller can squat one.</summary>
    [Fact]
    public void Every_derived_instance_id_is_reserved()
    {
        string[] derived =
        [
            new LandingBlob("landing", "credit/file.csv", "0x1").PipelineInstanceId(),
            ScheduleOccurrences.InstanceId(new PipelineSchedule { Name = "nightly", Cron = "0 0 * * *", Pipeline = "diagnostics" }, DateTimeOffset.UnixEpoch),
            MLOps.Triggers.EventGrid.EventGridWebhook.InstanceIdFor(new MLOps.Triggers.EventGrid.IncomingEvent(0, "e", "/s", "T", null, null)),
            InstanceIds.SearchChunk("my-experiment", MLOps.Core.Experiments.SearchStrategyKind.Bayesian, 3),
        ];

        Assert.All(derived, id => Assert.NotNull(InstanceIds.CallerChosenProblem(id)));
        Assert.Null(InstanceIds.CallerChosenProblem("my-experiment"));
    }
}
