using MLOps.Core.DataEngineering;
using MLOps.Core.DataEngineering.Cleaning;
using MLOps.Core.Requirements;

namespace MLOps.UnitTests.Core.DataEngineering.Cleaning;

public class CleaningReportRenderingTests
{
    private static readonly CleaningStep Nulled = new("state.allowed", "state", CleaningAction.NulledOut, 2, [new ValueChange(1, "<img src=x>", string.Empty), new ValueChange(2, "KS", string.Empty)]);

    private static readonly CleaningRecord Record = new(
        "landing/p/<evil>.csv",
        new CleaningReport(
            4, 3, 1, 1, 0,
            [new ColumnCleaning("state", 3, 0, 2, 0, 0, null, 2, true, "OH"), new ColumnCleaning("x", 3, 0, 0, 0, 0, null, 0, false, null)],
            [Nulled, new CleaningStep("rows.duplicate", null, CleaningAction.RowDropped, 1, [new ValueChange(4, "OH,1", null)])]),
        new CleaningVerdict(
        [
            new CleaningFinding(CleaningFindingKind.ColumnChanged, GuardAction.Fail, "state", "cleaning nulled out 'KS' & <b>more</b>") { Share = 2 / 3.0, Limit = 0.2, Steps = [Nulled] },
            new CleaningFinding(CleaningFindingKind.FeatureConstant, GuardAction.Warn, "state", "column 'state' holds the single value 'OH'"),
        ]));

    [Fact]
    public void The_html_page_shows_the_guard_first_and_encodes_every_value()
    {
        string html = CleaningReportHtml.Render(Record);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"fail\">Failed</strong>", html, StringComparison.Ordinal);
        Assert.Contains("4 rows read, 3 written; 1 exact duplicates found, 1 dropped", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"warn\">warn</td><td>FeatureConstant</td>", html, StringComparison.Ordinal);
        Assert.Contains("4: <code>OH,1</code> → row dropped", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("Change guard</h2>", StringComparison.Ordinal) < html.IndexOf("Columns</h2>", StringComparison.Ordinal));
    }

    [Fact]
    public void The_json_form_round_trips_with_enums_by_name()
    {
        string json = DataEngineeringJson.Serialize(Record);
        CleaningRecord back = DataEngineeringJson.Deserialize<CleaningRecord>(json);

        Assert.Contains("\"outcome\": \"Fail\"", json, StringComparison.Ordinal);
        Assert.Contains("\"action\": \"NulledOut\"", json, StringComparison.Ordinal);
        Assert.Equal(Record.Report.Columns, back.Report.Columns);
        Assert.Equal(Record.Guard.Findings.Select(f => (f.Kind, f.Outcome, f.Message)), back.Guard.Findings.Select(f => (f.Kind, f.Outcome, f.Message)));
        Assert.False(back.Guard.Passed);
    }
}
