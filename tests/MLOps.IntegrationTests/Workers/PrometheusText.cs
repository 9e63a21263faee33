using System.Globalization;
using System.Text.RegularExpressions;

namespace MLOps.IntegrationTests.Workers;

/// <summary>
/// A strict reader of the Prometheus text format (0.0.4) for the tests: every line must be a HELP or TYPE comment or
/// a sample of a declared family, label values properly quoted and escaped, values numbers (or +Inf/-Inf/NaN); every
/// histogram's buckets must ascend in le, be cumulative, end with +Inf equal to _count, and have a _sum.
/// </summary>
public sealed partial class PrometheusText
{
    private static readonly string[] KnownTypes = ["counter", "gauge", "histogram", "summary", "untyped"];

    private PrometheusText(IReadOnlyList<Sample> samples, IReadOnlyDictionary<string, string> types)
    {
        this.Samples = samples;
        this.Types = types;
    }

    public IReadOnlyList<Sample> Samples { get; }

    public IReadOnlyDictionary<string, string> Types { get; }

    public static PrometheusText Parse(string text)
    {
        var samples = new List<Sample>();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        foreach (string line in text.Split('\n').SkipLast(1))
        {
            if (line.StartsWith('#'))
            {
                Match comment = Comment().Match(line);
                Assert.True(comment.Success, $"Malformed comment line: {line}");
                if (comment.Groups[1].Value == "TYPE")
                {
                    Assert.Contains(comment.Groups[3].Value, KnownTypes);
                    Assert.True(types.TryAdd(comment.Groups[2].Value, comment.Groups[3].Value), $"Family {comment.Groups[2].Value} is declared twice.");
                }

                continue;
            }

            Match sample = SampleLine().Match(line);
            Assert.True(sample.Success, $"Malformed sample line: {line}");
            string name = sample.Groups[1].Value;
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match label in Label().Matches(sample.Groups[2].Value))
            {
                labels.Add(label.Groups[1].Value, Regex.Unescape(label.Groups[2].Value));
            }

            Assert.Equal(sample.Groups[2].Value, string.Join(',', Label().Matches(sample.Groups[2].Value).Select(m => m.Value)));
            string family = FamilyOf(name, types);
            Assert.True(types.ContainsKey(family), $"Sample {name} has no TYPE line before it.");
            samples.Add(new Sample(name, labels, ParseValue(sample.Groups[3].Value)));
        }

        var parsed = new PrometheusText(samples, types);
        parsed.CheckHistograms();
        return parsed;
    }

    public IEnumerable<Sample> Find(string name, params (string Label, string Value)[] labels) =>
        this.Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out string? v) && v == l.Value));

    public double Value(string name, params (string Label, string Value)[] labels) => Assert.Single(this.Find(name, labels)).Value;

    private static string FamilyOf(string name, Dictionary<string, string> types)
    {
        foreach (string suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && types.TryGetValue(name[..^suffix.Length], out string? type) && type == "histogram")
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    private static double ParseValue(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private void CheckHistograms()
    {
        foreach (string family in this.Types.Where(t => t.Value == "histogram").Select(t => t.Key))
        {
            foreach (IGrouping<string, Sample> series in this.Samples.Where(s => s.Name == family + "_bucket").GroupBy(s => SeriesKey(s.Labels)))
            {
                Sample[] buckets = [.. series];
                double[] bounds = [.. buckets.Select(b => ParseValue(b.Labels["le"]))];
                Assert.Equal(bounds.Order(), bounds);
                Assert.Equal(double.PositiveInfinity, bounds[^1]);
                Assert.Equal(buckets.Select(b => b.Value).Order(), buckets.Select(b => b.Value));
                Dictionary<string, string> labels = buckets[0].Labels.Where(l => l.Key != "le").ToDictionary();
                Sample count = Assert.Single(this.Samples, s => s.Name == family + "_count" && SeriesKey(s.Labels) == SeriesKey(labels));
                Assert.Single(this.Samples, s => s.Name == family + "_sum" && SeriesKey(s.Labels) == SeriesKey(labels));
                Assert.Equal(count.Value, buckets[^1].Value);
            }
        }
    }

    private static string SeriesKey(IReadOnlyDictionary<string, string> labels) =>
        string.Join(',', labels.Where(l => l.Key != "le").OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));

    [GeneratedRegex(@"^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) ?(.*)$")]
    private static partial Regex Comment();

    [GeneratedRegex(@"^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();

    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
}
