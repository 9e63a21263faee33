using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using MLOps.Core.Reports;

namespace MLOps.Triggers.Reports;

/// <summary>
/// A report name as a route segment, optionally with the format as its extension (<c>quality.html</c>), else the format
/// from the <c>Accept</c> header (<c>text/html</c>, <c>application/json</c>, <c>text/markdown</c>, <c>image/svg+xml</c>);
/// neither means the report's native format.
/// </summary>
public sealed record ReportRequest(string Name, ReportFormat? Format)
{
    private static readonly Dictionary<string, ReportFormat> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["html"] = ReportFormat.Html,
        ["json"] = ReportFormat.Json,
        ["md"] = ReportFormat.Markdown,
        ["svg"] = ReportFormat.Svg,
    };

    private static readonly Dictionary<string, ReportFormat> MediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text/html"] = ReportFormat.Html,
        ["application/json"] = ReportFormat.Json,
        ["text/markdown"] = ReportFormat.Markdown,
        ["image/svg+xml"] = ReportFormat.Svg,
    };

    public static ReportRequest Parse(string segment, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(request);
        int dot = segment.LastIndexOf('.');
        if (dot > 0 && Extensions.TryGetValue(segment[(dot + 1)..], out ReportFormat byExtension))
        {
            return new ReportRequest(segment[..dot], byExtension);
        }

        ReportFormat? accepted = null;
        if (MediaTypeHeaderValue.TryParseList([.. request.Headers.Accept.OfType<string>()], out IList<MediaTypeHeaderValue>? accept))
        {
            accepted = accept
                .OrderByDescending(m => m.Quality ?? 1)
                .Select(m => MediaTypes.TryGetValue(m.MediaType.ToString(), out ReportFormat f) ? f : (ReportFormat?)null)
                .FirstOrDefault(f => f is not null);
        }

        return new ReportRequest(segment, accepted);
    }
}
