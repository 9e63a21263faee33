using System.Net;
using System.Text;

namespace MLOps.Core.DataEngineering;

/// <summary>
/// The shared frame of the data pipeline's HTML reports (quality, cleaning): one self-contained page, inline CSS,
/// no scripts or external links, and one encoder, since every value from the data is untrusted input.
/// </summary>
internal static class ReportHtml
{
    /// <summary>Starts a page: doctype, head with title and styles, opened body and the heading.</summary>
    public static StringBuilder Begin(string title)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n<style>\n")
            .Append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%}")
            .Append("th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}th{background:#f3f3f3}")
            .Append(".Passed,.pass{color:#176f2c}.PassedWithWarnings,.warn{color:#8a5a00}.Failed,.fail{color:#b00020}")
            .Append("code{font-size:.9em}\n</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(E(title)).Append("</h1>\n");
        return html;
    }

    public static string End(StringBuilder html) => html.Append("</body>\n</html>\n").ToString();

    public static string E(string value) => WebUtility.HtmlEncode(value);
}
