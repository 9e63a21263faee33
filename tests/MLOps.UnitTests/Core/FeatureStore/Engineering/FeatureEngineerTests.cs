using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.DataEngineering.Profiling;
using MLOps.Core.FeatureStore.Engineering;
using MLOps.Core.Requirements;
using MLOps.UnitTests.Core.DataEngineering;

namespace MLOps.UnitTests.Core.FeatureStore.Engineering;

public class FeatureEngineerTests
{
    private static readonly string[] Header = ["n", "d", "c", "when"];

    private static FeatureDefinition Def(string name, FeatureTransform transform, params string[] sources) =>
        new() { Name = name, Sources = sources, Transform = transform };

    /// <summary>Profiles literal rows with the real profiler.</summary>
    private static DatasetProfile Profile(string[] header, params string[][] rows)
    {
        var profiler = new ColumnProfiler(header);
        profiler.Add(DataFiles.Table(header, rows));
        return ColumnProfiler.Finish(profiler.ToPartial());
    }

    private static readonly DatasetProfile Small = Profile(
        Header,
        ["1", "2", "b", "2024-03-15T10:30:00Z"],
        ["2", "0", "a", "2024-03-17T23:00:00Z"],
        ["3", "4", "b", "2023-12-31T00:00:00Z"],
        ["6", "", "c", ""],
        ["", "1", "", "2024-01-01"]);

    private static double[] Encode(FittedFeatureSet set, params string[] fields)
    {
        var output = new double[set.Columns.Count];
        set.Bind(Header).Apply(fields, output);
        return output;
    }

    [Fact]
    public void Scalar_transforms_give_hand_computed_values()
    {
        FittedFeatureSet set = FeatureEngineer.Fit(
            [
                Def("id", new IdentityTransform(), "n"),
                Def("z", new StandardizeTransform(), "n"),
                Def("lg", new LogTransform(), "n"),
                Def("lg_shift", new LogTransform { Offset = -5 }, "n"),
                Def("ratio", new RatioTransform { Numerator = "n", Denominator = "d" }, "n", "d"),
                Def("bucket", new BucketizeTransform { Boundaries = [1, 3, 5] }, "n"),
                Def("month", new DatePartTransform { Part = DatePart.Month }, "when"),
                Def("dow", new DatePartTransform { Part = DatePart.DayOfWeek }, "when"),
                Def("quarter", new DatePartTransform { Part = DatePart.Quarter }, "when"),
                Def("hour", new DatePartTransform { Part = DatePart.Hour }, "when"),
            ],
            Small);

        // n = 1, 2, 3, 6: mean 3, sample std sqrt(14/3).
        double std = Math.Sqrt(14.0 / 3);
        double[] row = Encode(set, "9", "2", "b", "2024-03-15T10:30:00Z");
        double[] expected = [9, (9 - 3) / std, Math.Log(10), Math.Log(4), 4.5, 3, 3, 5, 1, 10];
        Assert.Equal(expected.Length, row.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], row[i], 12);
        }


        // Right-closed buckets: 1 is in (-inf, 1], 3 in (1, 3], 5.5 above the last boundary.
        Assert.Equal(0, Encode(set, "1", "1", "b", "2024-01-01")[5]);
        Assert.Equal(1, Encode(set, "3", "1", "b", "2024-01-01")[5]);
        Assert.Equal(3, Encode(set, "5.5", "1", "b", "2024-01-01")[5]);

        // Missing n and date: NaN everywhere; log of x + offset <= 0 and a zero denominator: NaN.
        Assert.All(Encode(set, "", "", "b", " "), v => Assert.True(double.IsNaN(v)));
        double[] edge = Encode(set, "5", "0", "b", "2024-01-01");
        Assert.True(double.IsNaN(edge[3]));
        Assert.True(double.IsNaN(edge[4]));
    }

    [Fact]
    public void One_hot_keeps_the_most_frequent_categories_in_ordinal_order_and_folds_the_rest()
    {
        DatasetProfile profile = Profile(["c"], ["z"], ["z"], ["z"], ["a"], ["a"], ["m"], [""], ["q-1"]);
        FittedFeatureSet set = FeatureEngineer.Fit([Def("cat", new OneHotTransform { MaxCategories = 2 }, "c")], profile);

        Assert.Equal(["cat_a", "cat_z", "cat_other"], set.Columns);
        FeatureRowEncoder encoder = set.Bind(["c"]);
        var output = new double[3];
        encoder.Apply(["z"], output);
        Assert.Equal([0, 1, 0], output);
        encoder.Apply(["m"], output);
        Assert.Equal([0, 0, 1], output);
        encoder.Apply(["never-seen"], output);
        Assert.Equal([0, 0, 1], output);
        encoder.Apply([""], output);
        Assert.Equal([0, 0, 0], output);
    }

    [Fact]
    public void One_hot_without_a_limit_has_no_other_column_and_sanitises_category_names()
    {
        DatasetProfile profile = Profile(["c"], ["part time"], ["full-time"], ["9to5"]);
        FittedFeatureSet set = FeatureEngineer.Fit([Def("job", new OneHotTransform(), "c")], profile);

        Assert.Equal(["job_9to5", "job_full_time", "job_part_time"], set.Columns);
        var output = new double[3];
        set.Bind(["c"]).Apply(["unknown"], output);
        Assert.Equal([0, 0, 0], output);
    }

    [Fact]
    public void Hashing_uses_a_stable_fnv1a_bucket()
    {
        // FNV-1a 32 of UTF-8 "CA" is 2010780873 (computed independently), bucket 2010780873 % 16 = 9.
        Assert.Equal(2010780873u, StableHash.Fnv1a("CA"));
        FittedFeatureSet set = FeatureEngineer.Fit([Def("state", new HashingTransform { Buckets = 16 }, "c")], Profile(["c"], ["CA"]));

        Assert.Equal(16, set.Columns.Count);
        Assert.Equal("state_h0", set.Columns[0]);
        var output = new double[16];
        set.Bind(["c"]).Apply(["CA"], output);
        Assert.Equal(9, Array.IndexOf(output, 1.0));
        Assert.Equal(1, output.Sum());
        set.Bind(["c"]).Apply([""], output);
        Assert.Equal(0, output.Sum());
    }

    [Fact]
    public void A_hashed_cross_joins_its_sources_with_the_unit_separator()
    {
        // FNV-1a of "a\u001Fb" is 453313713; 453313713 % 8 = 1.
        FittedFeatureSet set = FeatureEngineer.Fit([Def("x", new HashingTransform { Buckets = 8 }, "p", "q")], Profile(["p", "q"], ["a", "b"]));
        var output = new double[8];
        set.Bind(["p", "q"]).Apply(["a", "b"], output);
        Assert.Equal(1, Array.IndexOf(output, 1.0));
    }

    [Fact]
    public void The_definitions_hash_changes_when_any_definition_changes()
    {
        FeatureDefinition[] definitions = [Def("lg", new LogTransform(), "n"), Def("b", new BucketizeTransform { Boundaries = [1, 2] }, "n")];
        string hash = FeatureDefinitionsHash.Of(definitions);

        Assert.Equal(hash, FeatureDefinitionsHash.Of([Def("lg", new LogTransform(), "n"), Def("b", new BucketizeTransform { Boundaries = [1, 2] }, "n")]));
        Assert.NotEqual(hash, FeatureDefinitionsHash.Of([Def("lg", new LogTransform { Offset = 2 }, "n"), definitions[1]]));
        Assert.NotEqual(hash, FeatureDefinitionsHash.Of([definitions[0], Def("b", new BucketizeTransform { Boundaries = [1, 3] }, "n")]));
        Assert.Equal(64, hash.Length);
        Assert.Equal(hash, FeatureEngineer.Fit(definitions, Small).DefinitionsSha256);
    }

    [Fact]
    public void Output_names_are_sanitised_and_collisions_are_named()
    {
        Assert.Equal("_1st_value_x", OutputNames.Sanitize("1st value.x"));
        Assert.Equal("a_b", OutputNames.Of("a", "b"));

        // "c" one-hot yields c_b among others; a feature named "c b" sanitises to the same name.
        ArgumentException clash = Assert.Throws<ArgumentException>(() => FeatureEngineer.Fit(
            [Def("c", new OneHotTransform(), "c"), Def("C b", new IdentityTransform(), "n")], Small));
        Assert.Contains("'C b'", clash.Message, StringComparison.Ordinal);
        Assert.Contains("'c'", clash.Message, StringComparison.Ordinal);

        ArgumentException tooLong = Assert.Throws<ArgumentException>(() =>
            FeatureEngineer.Fit([Def(new string('f', 256), new IdentityTransform(), "n")], Small));
        Assert.Contains("255", tooLong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_definitions_and_bad_values_name_the_feature_and_column()
    {
        InvalidDataException unknown = Assert.Throws<InvalidDataException>(() =>
            FeatureEngineer.Fit([Def("f", new IdentityTransform(), "nope")], Small));
        Assert.Contains("'nope'", unknown.Message, StringComparison.Ordinal);

        InvalidDataException notNumeric = Assert.Throws<InvalidDataException>(() =>
            FeatureEngineer.Fit([Def("f", new StandardizeTransform(), "c")], Small));
        Assert.Contains("'c'", notNumeric.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => FeatureEngineer.Fit([Def("f", new BucketizeTransform { Boundaries = [2, 1] }, "n")], Small));

        FittedFeatureSet set = FeatureEngineer.Fit([Def("f", new IdentityTransform(), "n")], Small);
        InvalidDataException bad = Assert.Throws<InvalidDataException>(() => set.Bind(Header).Apply(["abc", "", "", ""], new double[1]));
        Assert.Contains("'f'", bad.Message, StringComparison.Ordinal);
        Assert.Contains("'n'", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fits_the_credit_spec_on_the_bundled_data()
    {
        ProjectSpec spec = ProjectSpecJson.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "shared", "specs", "credit-scoring.json")));
        DatasetProfile profile = await DataFiles.ProfileAsync(DataFiles.CreditData);

        FittedFeatureSet set = FeatureEngineer.Fit(spec, profile);

        Assert.Equal(
            [
                "seniority",
                "home_ignore", "home_other", "home_owner", "home_parents", "home_priv", "home_rent",
                "term_bucket",
                "records_no", "records_yes",
                "job_fixed", "job_freelance", "job_others", "job_partime",
                "expenses", "log_income", "log_assets", "log_debt", "log_amount", "loan_to_price", "expense_to_income",
            ],
            set.Columns);
        FittedFeature seniority = set.Features[0];
        Assert.Equal(profile.Find("Seniority")!.Mean, seniority.Mean);
        Assert.Equal(profile.Find("Seniority")!.StandardDeviation, seniority.StandardDeviation);

        // Every row of the real file encodes; Income is missing in 8.6% of rows and its log is NaN there.
        FeatureRowEncoder encoder = set.Bind(profile.Columns.Select(c => c.Name).ToArray());
        var output = new double[set.Columns.Count];
        int nanIncome = 0;
        await foreach (CsvBatch batch in DataFiles.Batches(DataFiles.CreditData))
        {
            foreach (CsvRecord record in batch.Records)
            {
                encoder.Apply(record.Fields, output);
                nanIncome += double.IsNaN(output[15]) ? 1 : 0;
            }
        }

        Assert.Equal(profile.Find("Income")!.Missing, nanIncome);
    }

    [Fact]
    public void A_fitted_set_serialises_with_the_spec_options()
    {
        FittedFeatureSet set = FeatureEngineer.Fit([Def("z", new StandardizeTransform(), "n"), Def("c", new OneHotTransform { MaxCategories = 1 }, "c")], Small);

        string json = System.Text.Json.JsonSerializer.Serialize(set, ProjectSpecJson.Options);
        FittedFeatureSet read = System.Text.Json.JsonSerializer.Deserialize<FittedFeatureSet>(json, ProjectSpecJson.Options)!;

        Assert.Equal(set.Columns, read.Columns);
        Assert.Equal(set.DefinitionsSha256, read.DefinitionsSha256);
        Assert.Equal(Encode(set, "2", "1", "b", ""), Encode(read, "2", "1", "b", ""));
    }
}
