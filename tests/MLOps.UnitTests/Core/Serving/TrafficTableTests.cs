using MLOps.Core.Requirements;
using MLOps.Core.Serving.Endpoints;

namespace MLOps.UnitTests.Core.Serving;

public sealed class TrafficTableTests
{
    private static readonly string A = new('a', 64), B = new('b', 64), C = new('c', 64), D = new('d', 64), E = new('e', 64);

    public static TheoryData<TrafficWeight[]> ValidTables() => new()
    {
        new TrafficWeight[] { new(A, 100) },
        new TrafficWeight[] { new(A, 70), new(B, 30) },
        new TrafficWeight[] { new(A, 100), new(B, 0) },
        new TrafficWeight[] { new(A, 99.99), new(B, 0.01) },
        new TrafficWeight[] { new(A, 33.33), new(B, 33.33), new(C, 33.34) },
        new TrafficWeight[] { new(A, 90, 0), new(B, 10, 20), new(C, 0, 30), new(D, 0) },
        new TrafficWeight[] { new(A, 0.1), new(B, 0.2), new(C, 99.7, 50) },
    };

    [Theory]
    [MemberData(nameof(ValidTables))]
    public void Tables_whose_answered_shares_make_100_and_mirrors_at_most_50_are_valid(TrafficWeight[] table)
    {
        Assert.Empty(TrafficTable.Problems(table));
    }

    [Fact]
    public void Every_problem_names_its_field()
    {
        Assert.Equal(["weights: must name 1 to 4 packages, not 0"], TrafficTable.Problems([]));
        Assert.Equal(["weights: must name 1 to 4 packages, not 5"], TrafficTable.Problems([new(A, 20), new(B, 20), new(C, 20), new(D, 20), new(E, 20)]));
        Assert.Equal(["weights: must name 1 to 4 packages, not 0"], TrafficTable.Problems(null));

        IReadOnlyList<string> rows = TrafficTable.Problems([new("ABC", 50), new(B, -1, 101), new(C, double.NaN, 0.001), new(B, 12.345)]);
        Assert.Equal(
        [
            "weights[0].package: must be a package digest: 64 lower-case hex digits",
            "weights[1].trafficPercent: must be a percentage from 0 to 100",
            "weights[1].mirrorPercent: must be a percentage from 0 to 100",
            "weights[2].trafficPercent: must be a percentage from 0 to 100",
            "weights[2].mirrorPercent: must have at most two decimals (a resolution of 0.01), not 0.001",
            "weights[3].package: is weights[1]'s package too; a package has one row",
            "weights[3].trafficPercent: must have at most two decimals (a resolution of 0.01), not 12.345",
        ],
            rows);
    }

    [Fact]
    public void Answered_shares_must_sum_to_exactly_100_and_mirrors_to_at_most_50()
    {
        Assert.Equal(["weights: the trafficPercent shares must sum to 100, not 99.99"], TrafficTable.Problems([new(A, 33.33), new(B, 33.33), new(C, 33.33)]));
        Assert.Equal(["weights: the trafficPercent shares must sum to 100, not 0"], TrafficTable.Problems([new(A, 0, 10)]));
        Assert.Equal(["weights: the mirrorPercent shares must sum to at most 50, not 50.01"], TrafficTable.Problems([new(A, 100, 25), new(B, 0, 25.01)]));
        Assert.Equal(["traffic: the trafficPercent shares must sum to 100, not 101"], TrafficTable.Problems([new(A, 60), new(B, 41)], "traffic"));
    }

    [Fact]
    public void Two_packages_whose_deployment_ids_would_collide_are_refused()
    {
        string similar = new string('a', 12) + new string('f', 52);

        Assert.Equal(
            [$"weights[1].package: shares deployment id d-aaaaaaaaaaaa with weights[0]'s package; deploy one of them on another endpoint"],
            TrafficTable.Problems([new(A, 50), new(similar, 50)]));
    }

    [Fact]
    public void A_stored_table_matches_the_same_packages_and_shares_in_any_order_and_nothing_else()
    {
        Deployment[] stored = [Deployment(A, 70, 0), Deployment(B, 30, 10)];

        Assert.True(TrafficTable.Matches(stored, [new(B, 30, 10), new(A, 70)]));
        Assert.True(TrafficTable.Matches(stored, [new(A, 70.000000001), new(B, 30, 10)]));
        Assert.False(TrafficTable.Matches(stored, [new(A, 70), new(B, 30)]));
        Assert.False(TrafficTable.Matches(stored, [new(A, 60), new(B, 40, 10)]));
        Assert.False(TrafficTable.Matches(stored, [new(A, 70), new(C, 30, 10)]));
        Assert.False(TrafficTable.Matches(stored, [new(A, 100)]));
    }

    internal static Deployment Deployment(string digest, double traffic, double mirror) => new()
    {
        Id = MLOps.Core.Serving.Endpoints.Deployment.IdFor(digest),
        Package = digest,
        Model = "credit",
        ModelVersion = digest[0] - 'a' + 1,
        Task = ModelTask.BinaryClassification,
        TrafficPercent = traffic,
        MirrorPercent = mirror,
        CreatedAt = DateTimeOffset.UnixEpoch,
        CreatedBy = "operations",
    };
}
