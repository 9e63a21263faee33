using System.Globalization;
using MLOps.Core.Naming;

namespace MLOps.Core.Serving.Endpoints;

/// <summary>
/// The rules of an endpoint's routing table: 1 to <see cref="ServingEndpoint.MaxDeployments"/> packages, each once;
/// every share from 0 to 100 with a resolution of 0.01 (<see cref="Resolution"/>); answered shares summing to exactly
/// 100 and mirror shares to at most <see cref="MaxMirrorPercent"/>. A package with no answered share is allowed: it is
/// kept loaded as a warm standby or scores mirrored copies as a shadow. Shares are compared in basis points
/// (hundredths of a percent), so 33.33 + 33.33 + 33.34 is 100 exactly, whatever the binary doubles say.
/// </summary>
public static class TrafficTable
{
    public const double Resolution = 0.01;

    /// <summary>Mirrored copies cost a second inference each; at most half the traffic is scored twice.</summary>
    public const double MaxMirrorPercent = 50;

    /// <summary>Basis points in 100 percent: the router's bucket count.</summary>
    public const int Whole = 10_000;

    /// <summary>Every problem of <paramref name="table"/>, each as <c>field: what is wrong</c>, the field under <paramref name="field"/>.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<TrafficWeight>? table, string field = "weights")
    {
        if (table is null || table.Count is 0 || table.Count > ServingEndpoint.MaxDeployments)
        {
            return [string.Create(CultureInfo.InvariantCulture, $"{field}: must name 1 to {ServingEndpoint.MaxDeployments} packages, not {table?.Count ?? 0}")];
        }

        var problems = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < table.Count; i++)
        {
            string row = string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]");
            TrafficWeight? weight = table[i];
            if (weight is null)
            {
                problems.Add($"{row}: must be an object with 'package' and 'trafficPercent'");
                continue;
            }

            if (NameRules.PackageDigest.Problem($"{row}.package", weight.Package) is { } digest)
            {
                problems.Add(digest);
            }
            else if (!seen.TryAdd(Deployment.IdFor(weight.Package), i))
            {
                int first = seen[Deployment.IdFor(weight.Package)];
                string other = string.Create(CultureInfo.InvariantCulture, $"{field}[{first}]");
                problems.Add(weight.Package == table[first].Package
                    ? $"{row}.package: is {other}'s package too; a package has one row"
                    : $"{row}.package: shares deployment id {Deployment.IdFor(weight.Package)} with {other}'s package; deploy one of them on another endpoint");
            }

            ShareProblem($"{row}.trafficPercent", weight.TrafficPercent, problems);
            ShareProblem($"{row}.mirrorPercent", weight.MirrorPercent, problems);
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        long answered = table.Sum(w => BasisPoints(w.TrafficPercent));
        if (answered != Whole)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{field}: the trafficPercent shares must sum to 100, not {answered / 100.0}"));
        }

        long mirrored = table.Sum(w => BasisPoints(w.MirrorPercent));
        if (mirrored > MaxMirrorPercent * 100)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{field}: the mirrorPercent shares must sum to at most {MaxMirrorPercent}, not {mirrored / 100.0}"));
        }

        return problems;
    }

    /// <summary>A share in basis points (hundredths of a percent), rounded to the nearest.</summary>
    public static int BasisPoints(double percent) => (int)Math.Round(percent * 100, MidpointRounding.AwayFromZero);

    /// <summary>Whether <paramref name="deployments"/> route exactly as <paramref name="table"/> says (the same packages and shares).</summary>
    public static bool Matches(IReadOnlyList<Deployment> deployments, IReadOnlyList<TrafficWeight> table)
    {
        ArgumentNullException.ThrowIfNull(deployments);
        ArgumentNullException.ThrowIfNull(table);
        return deployments.Count == table.Count && table.All(w => deployments.Any(d =>
            d.Package == w.Package
            && BasisPoints(d.TrafficPercent) == BasisPoints(w.TrafficPercent)
            && BasisPoints(d.MirrorPercent) == BasisPoints(w.MirrorPercent)));
    }

    /// <summary>The table as one line for audit records: <c>d-… 90% (mirror 5%) v3, …</c>.</summary>
    public static string Describe(IReadOnlyList<Deployment> deployments)
    {
        ArgumentNullException.ThrowIfNull(deployments);
        return string.Join(", ", deployments.Select(d => string.Create(CultureInfo.InvariantCulture,
            $"{d.Id} {d.TrafficPercent}%{(d.MirrorPercent > 0 ? $" (mirror {d.MirrorPercent}%)" : string.Empty)} = {d.Model} v{d.ModelVersion} ({d.Package})")));
    }

    private static void ShareProblem(string field, double percent, List<string> problems)
    {
        if (!double.IsFinite(percent) || percent < 0 || percent > 100)
        {
            problems.Add($"{field}: must be a percentage from 0 to 100");
        }
        else if (Math.Abs((percent * 100) - Math.Round(percent * 100)) > 1e-6)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{field}: must have at most two decimals (a resolution of {Resolution}), not {percent}"));
        }
    }
}
