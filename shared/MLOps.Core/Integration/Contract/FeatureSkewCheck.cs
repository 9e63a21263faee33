using System.Globalization;
using MLOps.Core.Requirements;

namespace MLOps.Core.Integration.Contract;

/// <summary>
/// Training/serving skew: the rows the package's feature contract encodes from raw inputs against the offline
/// feature set's rows for the same entity keys. Rows align by key and columns by name; each value's figure is
/// |Δ| / max(1, |offline|) with NaN equal to NaN. A row differs when any of its values exceeds the bound. The result
/// names the rows differing, the first differing key and column (in offline order) and, per column, its largest
/// figure. Missing or extra keys and columns, or malformed rows, fail with a figure of +∞.
/// </summary>
public static class FeatureSkewCheck
{
    public const string Unit = "|Δ| / max(1, |offline|)";

    public static CheckResult Check(EncodedRows package, EncodedRows offline, double bound)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(offline);
        if (package.ShapeProblem() is { } packageShape)
        {
            return Fail(bound, $"The package's encoded rows are malformed: {packageShape}.");
        }

        if (offline.ShapeProblem() is { } offlineShape)
        {
            return Fail(bound, $"The offline rows are malformed: {offlineShape}.");
        }

        var packageColumns = package.Columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        string[] missingColumns = [.. offline.Columns.Where(c => !packageColumns.ContainsKey(c))];
        string[] extraColumns = [.. package.Columns.Except(offline.Columns, StringComparer.Ordinal)];
        if (missingColumns.Length > 0 || extraColumns.Length > 0)
        {
            return Fail(bound, $"The feature columns differ: missing from the package [{string.Join(", ", missingColumns)}], not in the offline set [{string.Join(", ", extraColumns)}].");
        }

        var packageRows = package.Keys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
        var offlineKeys = offline.Keys.ToHashSet(StringComparer.Ordinal);
        string[] missingKeys = [.. offline.Keys.Where(k => !packageRows.ContainsKey(k))];
        string[] extraKeys = [.. package.Keys.Where(k => !offlineKeys.Contains(k))];
        int[] map = [.. offline.Columns.Select(c => packageColumns[c])];

        double worst = 0;
        int rowsDiffering = 0, compared = 0;
        string? first = null;
        var columnWorst = new double[offline.Columns.Count];
        var columnRows = new long[offline.Columns.Count];
        for (int r = 0; r < offline.Keys.Count; r++)
        {
            if (!packageRows.TryGetValue(offline.Keys[r], out int p))
            {
                continue;
            }

            compared++;
            bool differs = false;
            for (int c = 0; c < map.Length; c++)
            {
                double expected = offline.Values[r][c], actual = package.Values[p][map[c]];
                double figure = Differences.Scaled(actual, expected);
                worst = Math.Max(worst, figure);
                columnWorst[c] = Math.Max(columnWorst[c], figure);
                if (figure > bound)
                {
                    columnRows[c]++;
                    first ??= string.Create(CultureInfo.InvariantCulture, $"key '{offline.Keys[r]}', column '{offline.Columns[c]}': package {actual:G9}, offline {expected:G9}");
                    differs = true;
                }
            }

            rowsDiffering += differs ? 1 : 0;
        }

        GroupFigure[] columns = [.. offline.Columns.Select((c, i) => new GroupFigure(c, "max_scaled_difference", columnWorst[i], columnRows[i]))];
        List<string> problems = [];
        if (missingKeys.Length > 0)
        {
            problems.Add($"{missingKeys.Length} offline keys have no package row (first '{missingKeys[0]}')");
        }

        if (extraKeys.Length > 0)
        {
            problems.Add($"{extraKeys.Length} package rows have keys the offline set lacks (first '{extraKeys[0]}')");
        }

        if (compared == 0)
        {
            problems.Add("no rows were compared");
        }

        if (rowsDiffering > 0)
        {
            problems.Add($"{rowsDiffering} of {compared} rows differ beyond the bound; first at {first}");
        }

        string detail = problems.Count == 0
            ? $"All {compared} rows agree on all {offline.Columns.Count} features."
            : string.Join("; ", problems) + ".";
        return new CheckResult
        {
            Check = CheckNames.FeatureSkew,
            Passed = problems.Count == 0 && worst <= bound,
            Figure = missingKeys.Length > 0 || extraKeys.Length > 0 || compared == 0 ? double.PositiveInfinity : worst,
            Bound = bound,
            Comparison = GateDirection.AtMost,
            Unit = Unit,
            Detail = detail,
            Groups = columns,
        };
    }

    private static CheckResult Fail(double bound, string detail) => new()
    {
        Check = CheckNames.FeatureSkew,
        Passed = false,
        Figure = double.PositiveInfinity,
        Bound = bound,
        Comparison = GateDirection.AtMost,
        Unit = Unit,
        Detail = detail,
    };
}
