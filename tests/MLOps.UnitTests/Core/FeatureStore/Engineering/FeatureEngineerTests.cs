using MLOps.Core.DataEngineering.Cleaning;
using MLOps.Core.FeatureStore.Engineering;
using MLOps.Core.Requirements;

namespace MLOps.UnitTests.Core.FeatureStore.Engineering;

public class FeatureEngineerTests
{
    private static readonly string[] Header = ["n", "d", "c", "when"];

    private static readonly string[][] SmallRows =
    [
        ["1", "2", "b", "2024-03-15T10:30:00Z"],
        ["2", "0", "a", "2024-03-17T23:00:00Z"],
        ["3", "4", "b", "2023-12-31T00:00:00Z"],
        ["6", "", "c", ""],
        ["", "1", "", "2024-01-01"],
    ];

    private static FeatureDefinition Def(string name, FeatureTransform transform, params string[] sources) =>
        new() { Name = name, Sources = sources, Transform = transform };

    /// <summary>Fits definitions on literal training rows (no imputation unless given).</summary>
    internal static FittedFeatureSet Fit(IReadOnlyList<FeatureDefinition> definitions, string[] header, string[][] rows, IReadOnlyList<ImputeRule>? imputations = null)
    {
        TrainingStatistics training = Statistics(header, definitions, imputations ?? [], rows);
        return FeatureEngineer.Fit(definitions, FeatureEngineer.FitImputations(imputations ?? [], training), training);
    }

    internal static TrainingStatistics Statistics(string[] header, IReadOnlyList<FeatureDefinition> definitions, IReadOnlyList<ImputeRule> imputations, string[][] rows)
    {
        var training = new TrainingStatistics(header, definitions, imputations);
        foreach (string[] row in rows)
        {
            training.Add(row);
        }

        return training;
    }

    private static FittedFeatureSet FitSmall(params FeatureDefinition[] definitions) => Fit(definitions, Header, SmallRows);

    private static double[] Encode(FittedFeatureSet set, params string[] fields)
    {
        var output = new double[set.Columns.Count];
        set.Bind(Header).Apply(fields, output);
        return output;
    }

    [Fact]
    public void Scalar_transforms_give_hand_computed_values()
    {
        FittedFeatureSet set = FitSmall(
            Def("id", new IdentityTransform(), "n"),
            Def("z", new StandardizeTransform(), "n"),
            Def("lg", new LogTransform(), "n"),
            Def("lg_shift", new LogTransform { Offset = -5 }, "n"),
            Def("ratio", new RatioTransform { Numerator = "n", Denominator = "d" }, "n", "d"),
            Def("bucket", new BucketizeTransform { Boundaries = [1, 3, 5] }, "n"),
            Def("month", new DatePartTransform { Part = DatePart.Month }, "when"),
            Def("dow", new DatePartTransform { Part = DatePart.DayOfWeek }, "when"),
            Def("quarter", new DatePartTransform { Part = DatePart.Quarter }, "when"),
            Def("hour", new DatePartTransform { Part = DatePart.Hour }, "when"));

        // n = 1, 2, 3, 6 (one missing): mean 3, population std sqrt(14/4).
        double std = Math.Sqrt(14.0 / 4);
        Assert.Equal(3, set.Features[1].Mean);
        Assert.Equal(std, set.Features[1].StandardDeviation!.Value, 12);
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

    [Theory]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("NaN")]
    [InlineData("1e400")]
    [InlineData("abc")]
    public void Every_transform_reads_a_non_finite_or_unreadable_number_as_missing_and_never_yields_infinity(string value)
    {
        FittedFeatureSet set = FitSmall(
            Def("id", new IdentityTransform(), "n"),
            Def("z", new StandardizeTransform(), "n"),
            Def("lg", new LogTransform(), "n"),
            Def("ratio", new RatioTransform { Numerator = "n", Denominator = "d" }, "n", "d"),
            Def("inverse", new RatioTransform { Numerator = "d", Denominator = "n" }, "d", "n"),
            Def("bucket", new BucketizeTransform { Boundaries = [1, 3, 5] }, "n"),
            Def("month", new DatePartTransform { Part = DatePart.Month }, "c"),
            Def("cat", new OneHotTransform(), "c"),
            Def("hashed", new HashingTransform { Buckets = 4 }, "n"));

        double[] row = Encode(set, value, "2", value, "");

        string[] names = [.. set.Columns];
        for (int i = 0; i < names.Length; i++)
        {
            Assert.False(double.IsInfinity(row[i]), names[i]);
        }

        Assert.All(row[..7], v => Assert.True(double.IsNaN(v)));
        Assert.Equal(0, row[7..^4].Sum());
        Assert.Equal(1, row[^4..].Sum()); // hashing buckets the text itself; it is present, whatever it says
    }

    [Fact]
    public void Transforms_that_would_overflow_give_missing_not_infinity()
    {
        Assert.True(double.IsNaN(FeatureTransforms.Ratio(1e300, 1e-300)));
        Assert.True(double.IsNaN(FeatureTransforms.Ratio(1, 0)));
        Assert.True(double.IsNaN(FeatureTransforms.Ratio(double.PositiveInfinity, 1)));
        Assert.True(double.IsNaN(FeatureTransforms.Standardize(1e308, -1e308, 0.5)));
        Assert.True(double.IsNaN(FeatureTransforms.Log(double.PositiveInfinity, 0)));
        Assert.True(double.IsNaN(FeatureTransforms.Log(-1, 1)));
        Assert.True(double.IsNaN(FeatureTransforms.Bucket(double.NegativeInfinity, [0])));
        Assert.Equal(0, FeatureTransforms.Standardize(7, 7, 0));
        Assert.True(double.IsNaN(FeatureValues.Number(" ")));
        Assert.Equal(1, FeatureValues.Number("True"));
    }

    [Fact]
    public void One_hot_keeps_the_most_frequent_categories_in_ordinal_order_and_folds_the_rest()
    {
        string[][] rows = [["z"], ["z"], ["z"], ["a"], ["a"], ["m"], [""], ["q-1"]];
        FittedFeatureSet set = Fit([Def("cat", new OneHotTransform { MaxCategories = 2 }, "c")], ["c"], rows);

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
    public void One_hot_honours_max_categories_above_ten()
    {
        // 35 sub-grades A1..G5, grade i appearing 40 - i times: every one is kept in order, none folded.
        string[] grades = [.. "ABCDEFG".SelectMany(g => Enumerable.Range(1, 5).Select(n => $"{g}{n}"))];
        string[][] rows = [.. grades.SelectMany((g, i) => Enumerable.Repeat(new[] { g }, 40 - i))];

        FittedFeatureSet all = Fit([Def("grade", new OneHotTransform { MaxCategories = 35 }, "c")], ["c"], rows);
        FittedFeatureSet twenty = Fit([Def("grade", new OneHotTransform { MaxCategories = 20 }, "c")], ["c"], rows);
        FittedFeatureSet unset = Fit([Def("grade", new OneHotTransform(), "c")], ["c"], rows);

        Assert.Equal(grades.Select(g => "grade_" + g), all.Columns);
        Assert.False(all.Features[0].HasOther);
        Assert.Equal([.. grades.Take(20).Select(g => "grade_" + g), "grade_other"], twenty.Columns);
        Assert.Equal(all.Columns, unset.Columns); // unset keeps up to 100
    }

    [Fact]
    public void One_hot_without_a_limit_keeps_up_to_one_hundred_and_counts_up_to_the_cap()
    {
        string[][] many = [.. Enumerable.Range(0, 150).Select(i => new[] { $"v{i:D3}" })];
        FittedFeatureSet set = Fit([Def("v", new OneHotTransform(), "c")], ["c"], many);

        Assert.Equal(OneHotTransform.DefaultMaxCategories + 1, set.Columns.Count);
        Assert.Equal("v_v000", set.Columns[0]); // ties by ordinal order
        Assert.Equal("v_other", set.Columns[^1]);

        // 1,200 distinct values: counting stops at 1,000 distinct; later ones are "other" and set the flag.
        string[][] beyond = [.. Enumerable.Range(0, 1200).Select(i => new[] { $"w{i:D4}" }), ["w1100"], ["w1100"]];
        TrainingStatistics training = Statistics(["c"], [Def("w", new OneHotTransform { MaxCategories = 1000 }, "c")], [], beyond);
        ColumnFitStatistics counted = training.Find("c")!;
        Assert.Equal(OneHotTransform.CountedCategories, counted.Categories.Count);
        Assert.True(counted.CategoriesOverflowed);
        Assert.False(counted.Categories.ContainsKey("w1100"));
        FittedFeatureSet capped = FeatureEngineer.Fit([Def("w", new OneHotTransform { MaxCategories = 1000 }, "c")], [], training);
        Assert.Equal("w_other", capped.Columns[^1]);
        Assert.Equal(1001, capped.Columns.Count);
    }

    [Fact]
    public void One_hot_without_a_limit_has_no_other_column_and_sanitises_category_names()
    {
        FittedFeatureSet set = Fit([Def("job", new OneHotTransform(), "c")], ["c"], [["part time"], ["full-time"], ["9to5"]]);

        Assert.Equal(["job_9to5", "job_full_time", "job_part_time"], set.Columns);
        var output = new double[3];
        set.Bind(["c"]).Apply(["unknown"], output);
        Assert.Equal([0, 0, 0], output);
    }

    [Fact]
    public void Fills_are_the_training_median_and_mode_and_the_transforms_see_the_imputed_values()
    {
        // age: 10, 25, 30, 30, 41, 50, 60, 200 → median 35.5, rounded half to even for an Integer column: 36.
        // income: 100, 300, 50, 70 (five missing) → median (70 + 100) / 2 = 85.
        // home: rent ×3, owner ×3, parents ×1 (two missing) → mode: the tie goes to "owner" (ordinal).
        string[] header = ["age", "income", "home"];
        string[][] rows =
        [
            ["30", "100", "rent"], ["200", "", "rent"], ["", "300", "owner"], ["10", "", "owner"], ["41", "50", "rent"],
            ["50", "70", ""], ["25", "", "parents"], ["60", "", "owner"], ["30", "", ""],
        ];
        ImputeRule[] imputations = [new("age", ImputeStrategy.Median), new("income", ImputeStrategy.Median), new("home", ImputeStrategy.Mode)];
        FeatureDefinition[] definitions = [Def("z_income", new StandardizeTransform(), "income"), Def("home", new OneHotTransform { MaxCategories = 2 }, "home")];
        TrainingStatistics training = Statistics(header, definitions, imputations, rows);

        IReadOnlyList<FittedImputation> fills = FeatureEngineer.FitImputations(imputations, training, new HashSet<string> { "age" });
        FittedFeatureSet set = FeatureEngineer.Fit(definitions, fills, training);

        Assert.Equal([new("age", ImputeStrategy.Median, "36"), new("income", ImputeStrategy.Median, "85"), new FittedImputation("home", ImputeStrategy.Mode, "owner")], fills);
        Assert.Equal(new Dictionary<string, string> { ["age"] = "36", ["income"] = "85", ["home"] = "owner" }, set.Fills);

        // After imputation income is 100, 85, 300, 85, 50, 70, 85, 85, 85: mean 105, population variance 4050.
        double[] imputed = [100, 85, 300, 85, 50, 70, 85, 85, 85];
        Assert.Equal(imputed.Average(), set.Features[0].Mean!.Value, 12);
        Assert.Equal(Math.Sqrt(imputed.Select(x => (x - 105) * (x - 105)).Sum() / 9), set.Features[0].StandardDeviation!.Value, 12);

        // After imputation home is owner ×5 (two filled), rent ×3, parents ×1: the two kept are owner and rent.
        Assert.Equal(["home_owner", "home_rent", "home_other"], set.Features[1].Outputs);
    }

    [Fact]
    public void Fitting_with_nothing_to_fit_on_names_the_column()
    {
        string[] header = ["x", "c"];
        ImputeRule[] median = [new("x", ImputeStrategy.Median)];
        InvalidDataException noNumbers = Assert.Throws<InvalidDataException>(() =>
            FeatureEngineer.FitImputations(median, Statistics(header, [], median, [["", "a"], ["", "b"]])));
        Assert.Contains("'x'", noNumbers.Message, StringComparison.Ordinal);

        ImputeRule[] mode = [new("c", ImputeStrategy.Mode)];
        InvalidDataException noValues = Assert.Throws<InvalidDataException>(() =>
            FeatureEngineer.FitImputations(mode, Statistics(header, [], mode, [["1", ""]])));
        Assert.Contains("'c'", noValues.Message, StringComparison.Ordinal);

        ImputeRule[] constant = [new("c", ImputeStrategy.Constant, "none")];
        Assert.Equal("none", Assert.Single(FeatureEngineer.FitImputations(constant, Statistics(header, [], constant, []))).Fill);
    }

    [Fact]
    public void Hashing_uses_a_stable_fnv1a_bucket()
    {
        // FNV-1a 32 of UTF-8 "CA" is 2010780873 (computed independently), bucket 2010780873 % 16 = 9.
        Assert.Equal(2010780873u, StableHash.Fnv1a("CA"));
        FittedFeatureSet set = Fit([Def("state", new HashingTransform { Buckets = 16 }, "c")], ["c"], [["CA"]]);

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
        FittedFeatureSet set = Fit([Def("x", new HashingTransform { Buckets = 8 }, "p", "q")], ["p", "q"], [["a", "b"]]);
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
        Assert.Equal(hash, FitSmall(definitions).DefinitionsSha256);
    }

    [Fact]
    public void Output_names_are_sanitised_and_collisions_and_reserved_names_are_named()
    {
        Assert.Equal("_1st_value_x", OutputNames.Sanitize("1st value.x"));
        Assert.Equal("a_b", OutputNames.Of("a", "b"));

        // "c" one-hot yields c_b among others; a feature named "c b" sanitises to the same name.
        ArgumentException clash = Assert.Throws<ArgumentException>(() => FitSmall(Def("c", new OneHotTransform(), "c"), Def("C b", new IdentityTransform(), "n")));
        Assert.Contains("'C b'", clash.Message, StringComparison.Ordinal);
        Assert.Contains("'c'", clash.Message, StringComparison.Ordinal);

        ArgumentException tooLong = Assert.Throws<ArgumentException>(() => FitSmall(Def(new string('f', 256), new IdentityTransform(), "n")));
        Assert.Contains("255", tooLong.Message, StringComparison.Ordinal);

        // The feature-set file's holdout column is reserved, whichever way a feature arrives at the name.
        ArgumentException holdout = Assert.Throws<ArgumentException>(() => FitSmall(Def("__holdout", new IdentityTransform(), "n")));
        Assert.Contains("reserves", holdout.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Fit([Def("_", new OneHotTransform(), "c")], ["c"], [["holdout"]]));
    }

    [Fact]
    public void Bad_definitions_name_the_feature_and_column_and_bad_values_encode_as_missing()
    {
        InvalidDataException unknown = Assert.Throws<InvalidDataException>(() => FitSmall(Def("f", new IdentityTransform(), "nope")));
        Assert.Contains("'nope'", unknown.Message, StringComparison.Ordinal);

        InvalidDataException notNumeric = Assert.Throws<InvalidDataException>(() => FitSmall(Def("f", new StandardizeTransform(), "c")));
        Assert.Contains("'c'", notNumeric.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => FitSmall(Def("f", new BucketizeTransform { Boundaries = [2, 1] }, "n")));

        FittedFeatureSet set = FitSmall(Def("f", new IdentityTransform(), "n"));
        var output = new double[1];
        FeatureRowEncoder encoder = set.Bind(Header);
        encoder.Apply(["abc", "", "", ""], output);
        Assert.True(double.IsNaN(output[0]));
        var uses = new FeatureUse[1];
        encoder.Classify(["abc", "", "", ""], output, uses);
        Assert.Equal(FeatureUse.Lost, uses[0]);
        encoder.Apply(["", "", "", ""], output);
        encoder.Classify(["", "", "", ""], output, uses);
        Assert.Equal(FeatureUse.SourceMissing, uses[0]);
        encoder.Apply(["4", "", "", ""], output);
        encoder.Classify(["4", "", "", ""], output, uses);
        Assert.Equal(FeatureUse.Used, uses[0]);
    }

    [Fact]
    public void A_fitted_set_serialises_with_the_spec_options()
    {
        ImputeRule[] imputations = [new("n", ImputeStrategy.Median)];
        FittedFeatureSet set = Fit([Def("z", new StandardizeTransform(), "n"), Def("c", new OneHotTransform { MaxCategories = 1 }, "c")], Header, SmallRows, imputations);

        string json = System.Text.Json.JsonSerializer.Serialize(set, ProjectSpecJson.Options);
        FittedFeatureSet read = System.Text.Json.JsonSerializer.Deserialize<FittedFeatureSet>(json, ProjectSpecJson.Options)!;

        Assert.Equal(set.Columns, read.Columns);
        Assert.Equal(set.DefinitionsSha256, read.DefinitionsSha256);
        Assert.Equal(set.Imputations, read.Imputations);
        Assert.Equal(Encode(set, "2", "1", "b", ""), Encode(read, "2", "1", "b", ""));
    }
}
