using MLOps.Core.DataEngineering;
using MLOps.Core.DataEngineering.Validation;

namespace MLOps.UnitTests.Core.DataEngineering.Validation;

public class QualityReportRenderingTests
{
    private static readonly QualityReport Report = new(
        "evil <dataset> & co",
        3,
        QualityStatus.Failed,
        [
            new RuleResult(
                "r1", "No <script>alert(1)</script>", "allowed values", RuleSeverity.Hard, "col\"umn", false, "one of 'a'",
                "1 rows outside the set", 1, [new OffendingRow(2, 3, "<img src=x onerror=alert(1)>", ["1", "<img src=x onerror=alert(1)>"])]),
            new RuleResult("r2", "Rows", "minimum row count", RuleSeverity.Soft, null, true, "at least 1 rows", "3 rows", 0, []),
        ]);

    [Fact]
    public void The_html_page_is_self_contained_and_encodes_every_value()
    {
        string html = QualityReportHtml.Render(Report);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<dataset>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.Contains("No &lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("evil &lt;dataset&gt; &amp; co", html, StringComparison.Ordinal);
        Assert.Contains("col&quot;umn", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"Failed\">Failed</strong>", html, StringComparison.Ordinal);
        Assert.Contains("1 of 2 rules failed", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_form_round_trips_with_enums_by_name()
    {
        string json = DataEngineeringJson.Serialize(Report);
        QualityReport back = DataEngineeringJson.Deserialize<QualityReport>(json);

        Assert.Contains("\"status\": \"Failed\"", json, StringComparison.Ordinal);
        Assert.Contains("\"severity\": \"Hard\"", json, StringComparison.Ordinal);
        Assert.Equal(json, DataEngineeringJson.Serialize(back));
    }
}
