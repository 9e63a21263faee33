using System.Text.Json.Nodes;
using MLOps.Core.Integration;
using MLOps.Core.Integration.Reports;
using MLOps.Core.Requirements;

namespace MLOps.UnitTests.Core.Integration.Reports;

public sealed class BuildReportTests
{
    private static readonly BuildVerdict Verdict = new(
        "credit <scoring>",
        "pkg & \"1\"",
        [
            CheckResult.Judge("parity", double.PositiveInfinity, 1e-5, GateDirection.AtMost, "absolute score difference", "row 3 (key '<script>alert(1)</script>') has no package score."),
            CheckResult.Judge(
                "fairness/demographic-parity/Marital", 0.04, 0.1, GateDirection.AtMost, "rate difference", "selection rate",
                [new GroupFigure("<img src=x onerror=alert(1)>", "selection_rate", 0.5, 40), new GroupFigure("tiny", "selection_rate", 1, 3, Judged: false, Note: "3 rows, fewer than 30")]),
        ]);

    [Fact]
    public void The_html_page_names_each_check_with_figure_and_bound_and_encodes_every_value()
    {
        string html = BuildReportHtml.Render(Verdict);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<scoring>", html, StringComparison.Ordinal);
        Assert.Contains("Integration build: credit &lt;scoring&gt; / pkg &amp; &quot;1&quot;", html, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"fail\">Failed</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td><code>parity</code></td><td class=\"fail\">failed</td><td>+inf</td><td>&lt;= 1E-05</td>", html, StringComparison.Ordinal);
        Assert.Contains("key &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39;", html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;img src=x onerror=alert(1)&gt;</td><td>selection_rate</td><td>0.5</td><td>40</td><td>yes</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>no: 3 rows, fewer than 30</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_carries_the_verdict_and_round_trips()
    {
        string json = BuildReportJson.Render(Verdict);
        BuildVerdict back = BuildReportJson.Read(json);

        JsonNode root = JsonNode.Parse(json)!;

        Assert.False((bool)root["passed"]!);
        Assert.Equal(["parity"], root["failedChecks"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("<=", (string?)root["results"]![0]!["comparison"]);
        Assert.Null(root["results"]![0]!["figure"]);
        Assert.Equal(0.04, (double)root["results"]![1]!["figure"]!);
        // Every number survives except the infinite figure, which JSON carries as null and reads back as NaN (FiniteJson's rule).
        Assert.Equal(Verdict.Results[1], back.Results[1] with { Groups = Verdict.Results[1].Groups });
        Assert.Equal(Verdict.Results[1].Groups, back.Results[1].Groups);
        Assert.Equal(Verdict.Results[0] with { Figure = double.NaN, Groups = back.Results[0].Groups }, back.Results[0]);
        Assert.Empty(back.Results[0].Groups);
        Assert.Equal((Verdict.Project, Verdict.Package, false), (back.Project, back.Package, back.Passed));
    }
}
