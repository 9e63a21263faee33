using System.Globalization;
using MLOps.Core.Requirements;

namespace MLOps.Core.Integration.Fairness;

/// <summary>
/// Group fairness of a binary model at its decision threshold, per declared sensitive attribute, with fairlearn's
/// definitions: the demographic-parity difference is the largest minus the smallest group selection rate
/// (<c>fairlearn.metrics.demographic_parity_difference</c>), the equal-opportunity difference the largest minus the
/// smallest group true-positive rate (<c>equal_opportunity_difference</c>, method "between_groups"). A group with
/// fewer rows than the minimum (fewer actual positives, for equal opportunity) is reported beside the figure but left
/// out of it; with fewer than two groups left the check is not judged.
/// </summary>
public static class FairnessCheck
{
    /// <summary>The group of a row whose entity has no recorded attribute value.</summary>
    public const string UnknownGroup = "(unknown)";

    public const string Unit = "rate difference (max − min across groups)";

    /// <summary>Both checks for every attribute; a row's group is looked up by its entity key (absent: <see cref="UnknownGroup"/>).</summary>
    public static IReadOnlyList<CheckResult> CheckAll(
        IReadOnlyList<SensitiveAttribute> attributes,
        IReadOnlyList<string> keys,
        IReadOnlyList<bool> labels,
        IReadOnlyList<double> scores,
        double threshold,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> groups,
        IntegrationCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(options);
        List<CheckResult> results = [];
        foreach (SensitiveAttribute attribute in attributes)
        {
            IReadOnlyDictionary<string, string> byKey = groups.TryGetValue(attribute.Column, out IReadOnlyDictionary<string, string>? found)
                ? found
                : new Dictionary<string, string>();
            string[] rowGroups = [.. keys.Select(k => byKey.TryGetValue(k, out string? g) ? g : UnknownGroup)];
            results.AddRange(Check(attribute.Column, rowGroups, labels, scores, threshold, options.FairnessBoundFor(attribute), options.FairnessMinGroupRows));
        }

        return results;
    }

    /// <returns>The demographic-parity result, then the equal-opportunity result, of one attribute.</returns>
    public static IReadOnlyList<CheckResult> Check(
        string attribute, IReadOnlyList<string> groups, IReadOnlyList<bool> labels, IReadOnlyList<double> scores, double threshold, double bound, int minGroupRows)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(attribute);
        IReadOnlyList<GroupRates> rates = GroupRates.Compute(groups, labels, scores, threshold);
        string at = string.Create(CultureInfo.InvariantCulture, $"at threshold {threshold:G6}");
        CheckResult parity = Difference(
            CheckNames.DemographicParity(attribute), "selection_rate", "selection rate", at, bound, minGroupRows,
            rates.Select(r => (r.Group, r.SelectionRate, (long)r.Rows, "rows")));
        CheckResult opportunity = Difference(
            CheckNames.EqualOpportunity(attribute), "true_positive_rate", "true-positive rate", at, bound, minGroupRows,
            rates.Select(r => (r.Group, r.TruePositiveRate, (long)r.Positives, "actual positives")));
        return [parity, opportunity];
    }

    private static CheckResult Difference(
        string check, string metric, string words, string at, double bound, int minRows, IEnumerable<(string Group, double? Rate, long Count, string CountWord)> groups)
    {
        GroupFigure[] figures = [.. groups.Select(g => g.Count >= minRows && g.Rate is not null
            ? new GroupFigure(g.Group, metric, g.Rate.Value, g.Count)
            : new GroupFigure(g.Group, metric, g.Rate ?? double.NaN, g.Count, Judged: false, Note: $"{g.Count} {g.CountWord}, fewer than {minRows}: reported, not judged"))];
        GroupFigure[] judged = [.. figures.Where(f => f.Judged)];
        if (judged.Length < 2)
        {
            return CheckResult.NotJudged(
                check, bound, GateDirection.AtMost, Unit, $"Only {judged.Length} group(s) are large enough ({minRows} or more) to compare; {figures.Length} group(s) reported.", figures);
        }

        GroupFigure high = judged.MaxBy(f => f.Value)!, low = judged.MinBy(f => f.Value)!;
        double difference = high.Value - low.Value;
        string detail = string.Create(
            CultureInfo.InvariantCulture,
            $"{words} {at}: highest {high.Value:G4} in '{high.Group}', lowest {low.Value:G4} in '{low.Group}'; {judged.Length} of {figures.Length} groups judged.");
        return CheckResult.Judge(check, difference, bound, GateDirection.AtMost, Unit, detail, figures);
    }
}
