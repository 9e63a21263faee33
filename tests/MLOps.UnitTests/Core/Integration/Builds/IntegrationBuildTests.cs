using System.Text.Json;
using MLOps.Core.Integration;
using MLOps.Core.Integration.Builds;
using MLOps.Core.Requirements;

namespace MLOps.UnitTests.Core.Integration.Builds;

public sealed class IntegrationBuildTests
{
    private static readonly CheckTarget Target = new("credit", "credit-model", 3, new string('a', 64));

    [Fact]
    public void A_build_record_names_its_failed_checks_and_lives_under_its_version_and_build()
    {
        CheckResult passed = CheckResult.Judge(CheckNames.Parity, 1e-7, 1e-5, GateDirection.AtMost, "absolute score difference", "ok");
        CheckResult notRun = CheckResult.NotRun(CheckNames.Latency, "None of the 1 ONNX worker(s) is ready.");

        IntegrationBuild build = IntegrationBuild.From(new BuildRecordRequest(Target, "event-1", DateTimeOffset.UnixEpoch, [passed, notRun]));

        Assert.False(build.Passed);
        Assert.Equal([CheckNames.Latency], build.FailedChecks);
        Assert.Equal("credit/credit-model/v3/event-1/build.json", build.Record);
        Assert.Equal("credit/credit-model/v3/event-1/report.html", build.Report);
        Assert.Equal("The check could not run: None of the 1 ONNX worker(s) is ready.", notRun.Detail);
        Assert.StartsWith("1 of 2 checks failed: latency: FAILED, n/a", build.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_event_carries_each_figure_and_bound_with_null_where_a_number_is_not_finite()
    {
        CheckResult unproven = CheckResult.Unproven(CheckNames.Parity, 1e-5, GateDirection.AtMost, "absolute score difference", "no scores tracked");
        CheckResult passed = CheckResult.Judge(CheckNames.Acceptance, 0.84, 0.8, GateDirection.AtLeast, "Auc", "met");
        IntegrationBuild build = IntegrationBuild.From(new BuildRecordRequest(Target, "event-2", DateTimeOffset.UnixEpoch, [unproven, passed]));

        BuildEvent data = BuildEvent.Of(build);

        Assert.Equal([new BuildEventCheck(CheckNames.Parity, false, null, 1e-5, "<=", "absolute score difference"), new BuildEventCheck(CheckNames.Acceptance, true, 0.84, 0.8, ">=", "Auc")], data.Checks);

        // The Event Grid client serialises the data with System.Text.Json's defaults, which refuse NaN and infinities.
        Assert.Contains("\"Figure\":null", JsonSerializer.Serialize(data), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "credit-model", 1, "project")]
    [InlineData("credit", "a/b", 1, "model")]
    [InlineData("credit", "credit-model", 0, "version")]
    public void A_request_names_each_bad_field(string project, string model, int version, string field)
    {
        IReadOnlyList<string> problems = new ContinuousIntegrationRequest(project, model, version).Validate();

        Assert.StartsWith(field + ":", Assert.Single(problems), StringComparison.Ordinal);
    }
}
