using MLOps.Core.DataEngineering;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.DataEngineering.Profiling;

namespace MLOps.UnitTests.Core.DataEngineering.Profiling;

/// <summary>
/// The profile of shared/data/credit_data.csv against numbers computed independently of this code base.
/// Missing counts (Debian python3's csv module; awk -F, agrees, since this file quotes no commas):
///   /usr/bin/python3 -c "import csv; r=list(csv.DictReader(open('credit_data.csv',newline='')));
///     print(len(r), {c: sum(1 for x in r if x[c]=='') for c in r[0]})"
///   -> 4454 {'Home': 6, 'Marital': 1, 'Job': 2, 'Income': 381, 'Assets': 47, 'Debt': 18, others 0}
///   awk -F, 'NR>1{for(i=1;i<=NF;i++) if($i=="") m[i]++} END{for(i in m) print i, m[i]}' credit_data.csv
///   -> 3 6, 6 1, 8 2, 10 381, 11 47, 12 18
/// Moments and quantiles (Debian numpy 1.24.2; quantiles are numpy's default method='linear'):
///   /usr/bin/python3 -c "import csv, numpy as np; r=list(csv.DictReader(open('credit_data.csv',newline='')));
///     v=np.array([float(x[C]) for x in r if x[C]!='']);
///     print(len(v), repr(v.mean()), repr(v.std(ddof=1)), v.min(), v.max(), np.quantile(v,[.05,.25,.5,.75,.95]),
///           np.histogram(v, bins=10)[0])"   (for C in Amount, Income, Price, Assets)
/// </summary>
public class CreditDataProfileTests
{
    private static readonly Lazy<Task<DatasetProfile>> Whole = new(() => DataFiles.ProfileAsync(DataFiles.CreditData));

    public static TheoryData<string, long, double, double, double, double, double[], long[]> Numeric => new()
    {
        {
            "Amount", 4454, 1038.9182757072294, 474.54599865551864, 100, 5000, [350, 700, 1000, 1300, 1800],
            [707, 1825, 1455, 377, 56, 22, 2, 8, 1, 1]
        },
        {
            "Income", 4073, 141.68769948440953, 80.7483976401386, 6, 959, [56, 90, 125, 170, 292],
            [1387, 1971, 509, 133, 45, 17, 2, 4, 3, 2]
        },
        {
            "Price", 4454, 1462.7801975752134, 628.1281195814264, 105, 11140, [600, 1117.25, 1400, 1691.5, 2433.699999999999],
            [1456, 2726, 222, 30, 10, 6, 2, 1, 0, 1]
        },
        {
            "Assets", 4407, 5403.979351032448, 11574.418140719406, 0, 300000, [0, 0, 3000, 6000, 18000],
            [4302, 70, 20, 10, 1, 1, 1, 0, 1, 1]
        },
    };

    [Fact]
    public async Task Rows_and_missing_counts_match_an_independent_count()
    {
        DatasetProfile profile = await Whole.Value;

        Assert.Equal(4454, profile.Rows);
        var missing = profile.Columns.Where(c => c.Missing > 0).ToDictionary(c => c.Name, c => c.Missing);
        Assert.Equal(
            new Dictionary<string, long> { ["Home"] = 6, ["Marital"] = 1, ["Job"] = 2, ["Income"] = 381, ["Assets"] = 47, ["Debt"] = 18 },
            missing);
        Assert.All(profile.Columns, c => Assert.Equal(4454, c.Rows));
    }

    [Fact]
    public async Task Column_types_are_inferred()
    {
        DatasetProfile profile = await Whole.Value;

        // Records holds "no"/"yes", Boolean spellings (BooleanValues); the spec's Categorical accepts a Boolean column.
        Assert.Equal(
            ["Categorical", "Integer", "Categorical", "Integer", "Integer", "Categorical", "Boolean", "Categorical",
             "Integer", "Integer", "Integer", "Integer", "Integer", "Integer"],
            profile.Columns.Select(c => c.Type.ToString()));
    }

    [Theory]
    [MemberData(nameof(Numeric))]
    public async Task Numeric_statistics_match_numpy(
        string name, long count, double mean, double std, double min, double max, double[] quantiles, long[] histogram)
    {
        ColumnProfile column = (await Whole.Value).Find(name)!;

        Assert.Equal(count, column.Count);
        Assert.Equal(mean, column.Mean!.Value, 1e-9);
        Assert.Equal(std, column.StandardDeviation!.Value, 1e-9);
        Assert.Equal((min, max), (column.Min, column.Max));
        QuantileSummary q = column.Quantiles!;
        Assert.True(q.Exact);
        Assert.Equal(quantiles, new[] { q.P05, q.P25, q.P50, q.P75, q.P95 });
        Assert.Equal(histogram, column.Histogram.Select(b => b.Count));
    }

    [Fact]
    public async Task Categories_are_counted_exactly()
    {
        // python3: collections.Counter(x['Home'] for x in r).most_common()
        ColumnProfile home = (await Whole.Value).Find("Home")!;

        Assert.Equal(
            [new ValueCount("owner", 2107), new ValueCount("rent", 973), new ValueCount("parents", 783),
             new ValueCount("other", 319), new ValueCount("priv", 246), new ValueCount("ignore", 20)],
            home.TopValues);
        Assert.Equal((6L, false), (home.Distinct, home.DistinctIsLowerBound));
    }

    [Fact]
    public async Task Seven_chunks_profiled_apart_and_merged_equal_the_whole_profile()
    {
        DatasetProfile whole = await Whole.Value;
        var partials = new List<PartialProfile>();
        await foreach (CsvBatch chunk in DataFiles.Batches(DataFiles.CreditData, batchSize: (4454 + 6) / 7))
        {
            var profiler = new ColumnProfiler(chunk.Columns);
            profiler.Add(chunk);

            // Each partial crosses an activity boundary as JSON.
            partials.Add(DataEngineeringJson.Deserialize<PartialProfile>(DataEngineeringJson.Serialize(profiler.ToPartial())));
        }

        DatasetProfile merged = ColumnProfiler.Finish(partials.Aggregate((a, b) => ColumnProfiler.MergeChunks(a, b)));

        Assert.Equal(7, partials.Count);
        Assert.Equal(whole.Rows, merged.Rows);
        foreach ((ColumnProfile expected, ColumnProfile actual) in whole.Columns.Zip(merged.Columns))
        {
            Assert.Equal(
                (expected.Name, expected.Type, expected.Count, expected.Missing, expected.Distinct, expected.Min, expected.Max),
                (actual.Name, actual.Type, actual.Count, actual.Missing, actual.Distinct, actual.Min, actual.Max));
            Assert.Equal(expected.Mean ?? 0, actual.Mean ?? 0, 1e-9);
            Assert.Equal(expected.StandardDeviation ?? 0, actual.StandardDeviation ?? 0, 1e-9);
            Assert.Equal(expected.Quantiles, actual.Quantiles);
            Assert.Equal(expected.Histogram, actual.Histogram);
            Assert.Equal(expected.TopValues, actual.TopValues);
        }
    }

    [Fact]
    public async Task Merging_in_a_different_order_gives_the_same_profile()
    {
        var partials = new List<PartialProfile>();
        await foreach (CsvBatch chunk in DataFiles.Batches(DataFiles.CreditData, batchSize: 1000))
        {
            var profiler = new ColumnProfiler(chunk.Columns);
            profiler.Add(chunk);
            partials.Add(profiler.ToPartial());
        }

        DatasetProfile forward = ColumnProfiler.Finish(partials.Aggregate((a, b) => ColumnProfiler.MergeChunks(a, b)));
        DatasetProfile backward = ColumnProfiler.Finish(Enumerable.Reverse(partials).Aggregate((a, b) => ColumnProfiler.MergeChunks(a, b)));

        foreach ((ColumnProfile f, ColumnProfile b) in forward.Columns.Zip(backward.Columns))
        {
            Assert.Equal(f with { Mean = null, StandardDeviation = null }, b with { Mean = null, StandardDeviation = null }, ProfileComparer.Instance);
            Assert.Equal(f.Mean ?? 0, b.Mean ?? 0, 1e-9);
        }
    }
}
