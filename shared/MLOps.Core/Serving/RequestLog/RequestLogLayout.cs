using System.Globalization;

namespace MLOps.Core.Serving.RequestLog;

/// <summary>
/// Where the request log lives: container <c>requests</c>, one folder per endpoint and UTC hour,
/// <c>{project}/{endpoint}/{yyyy-MM-dd}/{HH}/</c>, holding append blobs of JSON lines, one (or a few) per writing
/// process: <c>{writer}-{segment:D4}.jsonl</c>. An entry's hour is that of its own time, so a window's entries are in
/// the window's hour folders.
/// </summary>
public static class RequestLogLayout
{
    public const string Container = Storage.BlobContainers.Requests;

    public static DateTimeOffset HourOf(DateTimeOffset time)
    {
        DateTimeOffset utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    public static string HourFolder(string project, string endpoint, DateTimeOffset hour) =>
        string.Create(CultureInfo.InvariantCulture, $"{project}/{endpoint}/{hour:yyyy-MM-dd}/{hour:HH}/");

    public static string Segment(string folder, string writer, int segment) =>
        string.Create(CultureInfo.InvariantCulture, $"{folder}{writer}-{segment:D4}.jsonl");
}
