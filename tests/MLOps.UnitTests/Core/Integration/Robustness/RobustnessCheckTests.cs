using System.Globalization;
using MLOps.Core.Integration;
using MLOps.Core.Integration.Robustness;

namespace MLOps.UnitTests.Core.Integration.Robustness;

public sealed class RobustnessCheckTests
{
    private static readonly string[] Header = ["id", "income", "home", "age"];

    private static string[][] Rows(int n, Func<int, double> income) =>
        [.. Enumerable.Range(0, n).Select(i => new[] { $"k{i}", income(i).ToString("R", CultureInfo.InvariantCulture), i % 2 == 0 ? "rent" : "own", "40" })];

    [Fact]
    public void The_noise_is_deterministic_by_seed_touches_only_the_named_numeric_columns_and_has_the_asked_spread()
    {
        string[][] rows = Rows(4000, _ => 1000);
        RobustnessColumn[] columns = [new("income", 200)];

        IReadOnlyList<string[]> once = RobustnessCheck.Perturb(Header, rows, columns, 0.01, seed: 7);
        IReadOnlyList<string[]> again = RobustnessCheck.Perturb(Header, rows, columns, 0.01, seed: 7);
        IReadOnlyList<string[]> other = RobustnessCheck.Perturb(Header, rows, columns, 0.01, seed: 8);

        Assert.Equal(once, again);
        Assert.NotEqual(once.Select(r => r[1]), other.Select(r => r[1]));
        Assert.All(once, (row, i) => Assert.Equal((rows[i][0], rows[i][2], rows[i][3]), (row[0], row[2], row[3])));
        double[] noise = [.. once.Select(r => double.Parse(r[1], CultureInfo.InvariantCulture) - 1000)];

        // 0.01 × 200 = 2: over 4000 draws the sample mean is within 4 standard errors (4 · 2 / √4000 ≈ 0.13) of 0
        // and the sample standard deviation within 5 % of 2.
        double mean = noise.Average(), sd = Math.Sqrt(noise.Sum(x => (x - mean) * (x - mean)) / (noise.Length - 1));
        Assert.InRange(mean, -0.13, 0.13);
        Assert.InRange(sd, 1.9, 2.1);
        Assert.Equal("1000", rows[0][1]);
    }

    [Fact]
    public void A_rows_noise_does_not_depend_on_how_many_rows_were_sent()
    {
        string[][] rows = Rows(50, i => i);
        RobustnessColumn[] columns = [new("income", 10)];

        IReadOnlyList<string[]> all = RobustnessCheck.Perturb(Header, rows, columns, 0.05, seed: 1);
        IReadOnlyList<string[]> firstTen = RobustnessCheck.Perturb(Header, rows[..10], columns, 0.05, seed: 1);

        Assert.Equal(all.Take(10), firstTen);
    }

    [Fact]
    public void Missing_and_non_numeric_values_and_columns_without_spread_are_left_as_they_are()
    {
        string[][] rows = [["k0", "", "rent", "40"], ["k1", "n/a", "own", "40"], ["k2", "12.5", "own", "40"]];

        IReadOnlyList<string[]> perturbed = RobustnessCheck.Perturb(Header, rows, [new("income", 3), new("age", 0)], 0.1, seed: 3);

        Assert.Equal(["", "n/a"], perturbed.Take(2).Select(r => r[1]));
        Assert.NotEqual("12.5", perturbed[2][1]);
        Assert.All(perturbed, r => Assert.Equal("40", r[3]));
        Assert.Throws<ArgumentException>(() => RobustnessCheck.Perturb(Header, rows, [new("salary", 1)], 0.1, seed: 3));
    }

    [Fact]
    public void Flips_are_counted_at_the_threshold_and_a_missing_score_is_a_flip()
    {
        CheckResult result = RobustnessCheck.Judge([0.2, 0.49, 0.5, 0.9, 0.7], [0.21, 0.5, 0.49, 0.9, double.NaN], 0.5, 0.05);

        Assert.False(result.Passed);
        Assert.Equal(0.6, result.Figure, 1e-12);
        Assert.Equal(CheckNames.Robustness, result.Check);
        Assert.Equal("3 of 5 labels flipped at threshold 0.5 (first at row 1: 0.49 → 0.5); 1 of them had no score.", result.Detail);
        Assert.False(RobustnessCheck.Judge([0.2], [0.2, 0.3], 0.5, 0.05).Passed);
    }

    [Fact]
    public async Task A_model_far_from_its_threshold_is_stable_and_one_sitting_on_it_flips_about_half_its_labels()
    {
        // A step at income 1000; scoring goes through the delegate as a worker call would.
        static Task<IReadOnlyList<double>> Score(IReadOnlyList<string[]> rows, CancellationToken _) =>
            Task.FromResult<IReadOnlyList<double>>([.. rows.Select(r => double.Parse(r[1], CultureInfo.InvariantCulture) >= 1000 ? 0.9 : 0.1)]);
        RobustnessColumn[] columns = [new("income", 100)];

        CheckResult far = await RobustnessCheck.RunAsync(Score, Header, Rows(1000, i => i % 2 == 0 ? 500 : 1500), columns, 0.01, 42, 0.5, 0.05);
        CheckResult edge = await RobustnessCheck.RunAsync(Score, Header, Rows(1000, _ => 1000), columns, 0.01, 42, 0.5, 0.05);

        Assert.True(far.Passed, far.Detail);
        Assert.Equal(0, far.Figure);
        Assert.Contains("Noise 0.01 standard deviations on 1 numeric columns, seed 42.", far.Detail, StringComparison.Ordinal);

        // Symmetric noise pushes half the rows below the step: 0.5 ± 4 · √(0.25 / 1000) ≈ ± 0.063.
        Assert.False(edge.Passed);
        Assert.InRange(edge.Figure, 0.437, 0.563);
    }
}
