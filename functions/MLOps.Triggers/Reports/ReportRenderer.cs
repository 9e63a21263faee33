using System.Net;
using System.Text;
using System.Text.Json;
using Markdig;
using Microsoft.AspNetCore.Http;
using MLOps.Core.Reports;

namespace MLOps.Triggers.Reports;

/// <summary>
/// Serves a report in the asked format: the stored text when it is already in that format, else a rendering — HTML
/// from Markdown (Markdig, raw HTML in the source escaped), from JSON (nested tables) or around an SVG. Every value is
/// HTML-encoded and the pages carry a policy that runs no script, so a report's text (a spec's words, a file's
/// category values) can never act in a reader's browser.
/// </summary>
public static class ReportRenderer
{
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    /// <summary>The response, or null when the report does not come in that format.</summary>
    public static IResult? Render(ReportDocument document, ReportFormat format, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(response);
        (string Text, string Type)? rendered = (format, document.Native) switch
        {
            (ReportFormat.Json, ReportFormat.Json) => (document.Content, "application/json"),
            (ReportFormat.Json, ReportFormat.Markdown) => (MarkdownAsJson(document), "application/json"),
            (ReportFormat.Markdown, ReportFormat.Markdown) => (document.Content, "text/markdown"),
            (ReportFormat.Svg, ReportFormat.Svg) => (document.Content, "image/svg+xml"),
            (ReportFormat.Html, _) => (document.StoredHtml ?? Page(document.Title, HtmlBody(document)), "text/html"),
            _ => null,
        };
        if (rendered is not { } r)
        {
            return null;
        }

        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return Results.Text(r.Text, r.Type + "; charset=utf-8");
    }

    public static string FormatsOf(ReportFormat native) => native switch
    {
        ReportFormat.Markdown => "md, html or json",
        ReportFormat.Svg => "svg, html or json",
        _ => "json or html",
    };

    private static string HtmlBody(ReportDocument document) => document.Native switch
    {
        ReportFormat.Markdown => global::Markdig.Markdown.ToHtml(document.Content, Markdown),
        ReportFormat.Svg => $"<h1>{Encode(document.Title)}</h1><img alt=\"{Encode(document.Title)}\" src=\"data:image/svg+xml;base64,{Convert.ToBase64String(Encoding.UTF8.GetBytes(document.Content))}\">",
        _ => $"<h1>{Encode(document.Title)}</h1>{JsonHtml(document.Content)}",
    };

    private static string MarkdownAsJson(ReportDocument document)
    {
        using JsonDocument? record = document.RecordJson is null ? null : JsonDocument.Parse(document.RecordJson);
        return JsonSerializer.Serialize(new { title = document.Title, format = "markdown", markdown = document.Content, record = record?.RootElement }, JsonSerializerOptions.Web);
    }

    private static string JsonHtml(string json)
    {
        using JsonDocument parsed = JsonDocument.Parse(json);
        var html = new StringBuilder();
        Append(html, parsed.RootElement, 0);
        return html.ToString();
    }

    /// <summary>Objects as two-column tables, arrays of objects as tables with a column per key, other arrays as lists.</summary>
    private static void Append(StringBuilder html, JsonElement value, int depth)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when depth < 12:
                html.Append("<table>");
                foreach (JsonProperty property in value.EnumerateObject())
                {
                    html.Append("<tr><th>").Append(Encode(property.Name)).Append("</th><td>");
                    Append(html, property.Value, depth + 1);
                    html.Append("</td></tr>");
                }

                html.Append("</table>");
                break;
            case JsonValueKind.Array when depth < 12 && value.GetArrayLength() > 0 && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Object):
                string[] columns = [.. value.EnumerateArray().SelectMany(e => e.EnumerateObject().Select(p => p.Name)).Distinct(StringComparer.Ordinal)];
                html.Append("<table><tr>");
                foreach (string column in columns)
                {
                    html.Append("<th>").Append(Encode(column)).Append("</th>");
                }

                html.Append("</tr>");
                foreach (JsonElement row in value.EnumerateArray())
                {
                    html.Append("<tr>");
                    foreach (string column in columns)
                    {
                        html.Append("<td>");
                        if (row.TryGetProperty(column, out JsonElement cell))
                        {
                            Append(html, cell, depth + 1);
                        }

                        html.Append("</td>");
                    }

                    html.Append("</tr>");
                }

                html.Append("</table>");
                break;
            case JsonValueKind.Array when depth < 12:
                html.Append(string.Join(", ", value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? Encode(e.GetString()!) : Encode(e.GetRawText()))));
                break;
            case JsonValueKind.String:
                html.Append(Encode(value.GetString()!));
                break;
            case JsonValueKind.Null:
                html.Append("<em>none</em>");
                break;
            default:
                html.Append(Encode(value.GetRawText()));
                break;
        }
    }

    private static string Page(string title, string body) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{Encode(title)}</title>"
        + "<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:.3em 0}"
        + "th,td{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}th{background:#f4f4f4}</style></head>"
        + $"<body>{body}</body></html>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
