namespace MLOps.Core.Statistics;

/// <summary>
/// Weight of evidence and information value of a binned predictor against a binary event (e.g. "bad" loans).
/// Every bin count gets <see cref="Smoothing"/> added for both events and non-events before shares are taken,
/// so a bin without events (common in small samples) has a finite WoE instead of ±∞; shares are then
/// renormalised over the smoothed totals.
/// </summary>
public static class InformationValue
{
    public const double Smoothing = 0.5;

    public static InformationValueResult ForNumeric(IReadOnlyList<double> values, IReadOnlyList<bool> isEvent, int bins = 10) =>
        ForNumeric(values, isEvent, Binning.QuantileEdges(values, bins));

    public static InformationValueResult ForNumeric(IReadOnlyList<double> values, IReadOnlyList<bool> isEvent, IReadOnlyList<double> edges)
    {
        SampleGuard.Paired(values, isEvent, nameof(values), nameof(isEvent));
        SampleGuard.NoNaN(values, nameof(values));
        long[] events = new long[edges.Count + 1];
        long[] nonEvents = new long[edges.Count + 1];
        for (int i = 0; i < values.Count; i++)
        {
            (isEvent[i] ? events : nonEvents)[Binning.BinOf(values[i], edges)]++;
        }

        return FromCounts(Enumerable.Range(0, events.Length).Select(b => Binning.Label(b, edges)).ToArray(), events, nonEvents);
    }

    /// <summary>One bin per category, in ordinal order of the category names.</summary>
    public static InformationValueResult ForCategories(IReadOnlyList<string> categories, IReadOnlyList<bool> isEvent)
    {
        SampleGuard.Paired(categories, isEvent, nameof(categories), nameof(isEvent));
        string[] labels = [.. categories.Distinct().Order(StringComparer.Ordinal)];
        Dictionary<string, int> index = labels.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        long[] events = new long[labels.Length];
        long[] nonEvents = new long[labels.Length];
        for (int i = 0; i < categories.Count; i++)
        {
            (isEvent[i] ? events : nonEvents)[index[categories[i]]]++;
        }

        return FromCounts(labels, events, nonEvents);
    }

    private static InformationValueResult FromCounts(string[] labels, long[] events, long[] nonEvents)
    {
        double eventTotal = events.Sum() + (Smoothing * events.Length);
        double nonEventTotal = nonEvents.Sum() + (Smoothing * nonEvents.Length);
        List<WoeBin> bins = new(labels.Length);
        double iv = 0;
        for (int b = 0; b < labels.Length; b++)
        {
            double eventShare = (events[b] + Smoothing) / eventTotal;
            double nonEventShare = (nonEvents[b] + Smoothing) / nonEventTotal;
            double woe = Math.Log(nonEventShare / eventShare);
            iv += (nonEventShare - eventShare) * woe;
            bins.Add(new WoeBin(labels[b], events[b], nonEvents[b], woe));
        }

        return new InformationValueResult(bins, iv);
    }
}
