using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace MLOps.OnnxWorker.Metrics;

/// <summary>
/// A small Prometheus text-format (0.0.4) exposition of one meter: a <see cref="MeterListener"/> aggregates its
/// instruments in memory (counters summed, histograms into the buckets the instrument advises, gauges observed at
/// scrape time) and <see cref="Write"/> renders them. Names follow the OpenTelemetry-to-Prometheus convention: dots
/// become underscores, unit "s" adds "_seconds", counters end in "_total".
/// </summary>
public sealed class PrometheusExposition : IDisposable
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private static readonly double[] DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<Instrument, Series> series = new();
    private readonly Lock scrape = new();

    private enum Kind
    {
        Counter,
        ObservedCounter,
        Gauge,
        ObservedGauge,
        Histogram,
    }

    public PrometheusExposition(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        this.listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                Series state = this.series.GetOrAdd(instrument, i => new Series(i));
                l.EnableMeasurementEvents(instrument, state);
            }
        };
        this.listener.SetMeasurementEventCallback<long>((_, value, tags, state) => ((Series)state!).Record(value, tags));
        this.listener.SetMeasurementEventCallback<int>((_, value, tags, state) => ((Series)state!).Record(value, tags));
        this.listener.SetMeasurementEventCallback<double>((_, value, tags, state) => ((Series)state!).Record(value, tags));
        this.listener.Start();
    }

    public string Write()
    {
        var text = new StringBuilder();
        lock (this.scrape)
        {
            foreach (Series s in this.series.Values.Where(s => s.IsObserved))
            {
                s.Clear();
            }

            this.listener.RecordObservableInstruments();
            foreach (Series s in this.series.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                s.Write(text);
            }
        }

        return text.ToString();
    }

    public void Dispose() => this.listener.Dispose();

    private static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static void Labels(StringBuilder text, LabelSet labels, string? le = null)
    {
        IEnumerable<(string Name, string Value)> pairs = labels.Pairs();
        if (le is not null)
        {
            pairs = pairs.Append(("le", le));
        }

        (string Name, string Value)[] all = [.. pairs];
        if (all.Length == 0)
        {
            return;
        }

        text.Append('{').AppendJoin(',', all.Select(p => $"{p.Name}=\"{Escape(p.Value)}\"")).Append('}');
    }

    /// <summary>The aggregated series of one instrument, keyed by label set.</summary>
    private sealed class Series
    {
        private readonly ConcurrentDictionary<LabelSet, Aggregate> values = new();
        private readonly double[]? bounds;
        private readonly Kind kind;

        public Series(Instrument instrument)
        {
            this.kind = instrument switch
            {
                Histogram<double> or Histogram<long> or Histogram<int> => Kind.Histogram,
                Counter<long> or Counter<int> or Counter<double> => Kind.Counter,
                ObservableCounter<long> or ObservableCounter<int> or ObservableCounter<double> => Kind.ObservedCounter,
                _ when instrument.IsObservable => Kind.ObservedGauge,
                _ => Kind.Gauge,
            };
            this.bounds = this.kind == Kind.Histogram
                ? [.. ((instrument as Histogram<double>)?.Advice?.HistogramBucketBoundaries ?? DefaultBuckets).Order()]
                : null;
            string name = instrument.Name.Replace('.', '_').Replace('-', '_');
            if (instrument.Unit == "s")
            {
                name += "_seconds";
            }

            this.Name = this.kind is Kind.Counter or Kind.ObservedCounter ? name + "_total" : name;
            this.Help = instrument.Description ?? string.Empty;
        }

        public string Name { get; }

        public string Help { get; }

        public bool IsObserved => this.kind is Kind.ObservedCounter or Kind.ObservedGauge;

        public void Clear() => this.values.Clear();

        public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            LabelSet labels = LabelSet.From(tags);
            if (!this.values.TryGetValue(labels, out Aggregate? aggregate))
            {
                aggregate = this.values.GetOrAdd(labels, _ => new Aggregate(this.bounds?.Length ?? 0));
            }

            aggregate.Add(value, this.kind, this.bounds);
        }

        public void Write(StringBuilder text)
        {
            if (this.values.IsEmpty)
            {
                return;
            }

            string type = this.kind switch
            {
                Kind.Counter or Kind.ObservedCounter => "counter",
                Kind.Histogram => "histogram",
                _ => "gauge",
            };
            text.Append("# HELP ").Append(this.Name).Append(' ').Append(this.Help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
            text.Append("# TYPE ").Append(this.Name).Append(' ').Append(type).Append('\n');
            foreach ((LabelSet labels, Aggregate aggregate) in this.values.OrderBy(v => string.Join(',', v.Key.Pairs()), StringComparer.Ordinal))
            {
                (double sum, long count, long[] buckets) = aggregate.Snapshot();
                if (this.kind != Kind.Histogram)
                {
                    text.Append(this.Name);
                    Labels(text, labels);
                    text.Append(' ').Append(Number(sum)).Append('\n');
                    continue;
                }

                long cumulative = 0;
                for (int i = 0; i < this.bounds!.Length; i++)
                {
                    cumulative += buckets[i];
                    text.Append(this.Name).Append("_bucket");
                    Labels(text, labels, Number(this.bounds[i]));
                    text.Append(' ').Append(cumulative.ToString(CultureInfo.InvariantCulture)).Append('\n');
                }

                text.Append(this.Name).Append("_bucket");
                Labels(text, labels, "+Inf");
                text.Append(' ').Append(count.ToString(CultureInfo.InvariantCulture)).Append('\n');
                text.Append(this.Name).Append("_sum");
                Labels(text, labels);
                text.Append(' ').Append(Number(sum)).Append('\n');
                text.Append(this.Name).Append("_count");
                Labels(text, labels);
                text.Append(' ').Append(count.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }
    }

    /// <summary>One series' value: a sum (counters), the last value (gauges), or bucket counts, sum and count (histograms).</summary>
    private sealed class Aggregate(int buckets)
    {
        private readonly Lock gate = new();
        private readonly long[] counts = new long[buckets];
        private double sum;
        private long count;

        public void Add(double value, Kind kind, double[]? bounds)
        {
            lock (this.gate)
            {
                switch (kind)
                {
                    case Kind.Counter:
                        this.sum += value;
                        break;
                    case Kind.Histogram:
                        this.sum += value;
                        this.count++;
                        int bucket = Array.BinarySearch(bounds!, value);

                        // Prometheus buckets are upper-inclusive (le); beyond the last bound only +Inf counts it.
                        bucket = bucket >= 0 ? bucket : ~bucket;
                        if (bucket < this.counts.Length)
                        {
                            this.counts[bucket]++;
                        }

                        break;
                    default:
                        this.sum = value;
                        break;
                }
            }
        }

        public (double Sum, long Count, long[] Buckets) Snapshot()
        {
            lock (this.gate)
            {
                return (this.sum, this.count, [.. this.counts]);
            }
        }
    }
}
