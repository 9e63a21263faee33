using System.Globalization;
using MLOps.Core.Serving.Endpoints;

namespace MLOps.UnitTests.Core.Serving;

public sealed class TrafficRouterTests
{
    private const int Keys = 20_000;

    private static readonly string A = new('a', 64), B = new('b', 64), C = new('c', 64), D = new('d', 64);

    /// <summary>20,000 random routing keys (a fixed seed, so a failure reproduces).</summary>
    private static readonly string[] RandomKeys = MakeKeys();

    [Theory]
    [InlineData("70 30")]
    [InlineData("50 50")]
    [InlineData("90 10")]
    [InlineData("1 99")]
    [InlineData("33.33 33.33 33.34")]
    [InlineData("25 25 25 25")]
    [InlineData("60 0 40")]
    public void Each_deployment_answers_its_share_of_random_keys_within_one_and_a_half_points(string shares)
    {
        Deployment[] table = [.. shares.Split(' ').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).Select((s, i) => TrafficTableTests.Deployment(Digest(i), s, 0))];

        Dictionary<string, int> answered = Count(table, d => d.Answer.Id);

        foreach (Deployment deployment in table)
        {
            double measured = 100.0 * answered.GetValueOrDefault(deployment.Id) / Keys;
            Assert.InRange(measured, deployment.TrafficPercent - 1.5, deployment.TrafficPercent + 1.5);
        }

        Assert.Equal(0, answered.GetValueOrDefault(table.FirstOrDefault(d => d.TrafficPercent == 0)?.Id ?? "none"));
    }

    [Fact]
    public void The_same_key_always_reaches_the_same_deployment_whatever_the_order_the_table_is_stored_in()
    {
        Deployment[] table = [TrafficTableTests.Deployment(A, 40, 0), TrafficTableTests.Deployment(B, 35, 0), TrafficTableTests.Deployment(C, 25, 20)];
        Deployment[] reversed = [.. table.Reverse()];

        Assert.All(RandomKeys.Take(2000), key =>
        {
            RouteDecision first = TrafficRouter.Route(table, key)!;
            Assert.Equal(first, TrafficRouter.Route(table, key));
            Assert.Equal(first, TrafficRouter.Route(reversed, key));
        });
    }

    [Fact]
    public void A_shift_between_two_deployments_moves_only_keys_of_the_one_that_shrinks()
    {
        Deployment[] before = [TrafficTableTests.Deployment(A, 90, 0), TrafficTableTests.Deployment(B, 10, 0)];
        Deployment[] after = [TrafficTableTests.Deployment(A, 80, 0), TrafficTableTests.Deployment(B, 20, 0)];

        string[] onB = [.. RandomKeys.Where(k => TrafficRouter.Route(before, k)!.Answer.Package == B)];
        int moved = RandomKeys.Count(k => TrafficRouter.Route(before, k)!.Answer.Package == A && TrafficRouter.Route(after, k)!.Answer.Package == B);

        Assert.All(onB, k => Assert.Equal(B, TrafficRouter.Route(after, k)!.Answer.Package));
        Assert.InRange(100.0 * moved / Keys, 10 - 1.5, 10 + 1.5);
    }

    [Fact]
    public void Buckets_are_the_same_in_every_process_as_the_reference_computes_them()
    {
        // tests/reference/traffic_bucket_reference.py: SHA-256 of "{salt}\n{key}", first 8 bytes big-endian, mod 10,000.
        Assert.Equal(9987, TrafficRouter.Bucket("answer", "customer-42"));
        Assert.Equal(8071, TrafficRouter.Bucket("answer", "1"));
        Assert.Equal(7386, TrafficRouter.Bucket("answer", "ünïcode-key"));
        Assert.Equal(8107, TrafficRouter.Bucket("answer", string.Empty));
        Assert.Equal(3263, TrafficRouter.Bucket("mirror", "customer-42"));
        Assert.Equal(5115, TrafficRouter.Bucket("mirror", "1"));
        Assert.Equal(5751, TrafficRouter.Bucket("mirror", "ünïcode-key"));
        Assert.Equal(964, TrafficRouter.Bucket("mirror", string.Empty));
    }

    [Fact]
    public void A_share_of_one_hundredth_of_a_percent_is_exactly_one_bucket()
    {
        // Deployments route in id order: A's range is buckets 0–9998, B's the last one, 9999.
        Deployment[] table = [TrafficTableTests.Deployment(A, 99.99, 0), TrafficTableTests.Deployment(B, 0.01, 0)];
        string[] keys = [.. Enumerable.Range(0, 200_000).Select(i => i.ToString(CultureInfo.InvariantCulture))];

        string[] toB = [.. keys.Where(k => TrafficRouter.Route(table, k)!.Answer.Package == B)];

        Assert.NotEmpty(toB);
        Assert.Equal(keys.Where(k => TrafficRouter.Bucket("answer", k) == 9999), toB);
    }

    [Fact]
    public void With_all_traffic_on_one_deployment_the_other_never_answers()
    {
        Deployment[] table = [TrafficTableTests.Deployment(A, 0, 0), TrafficTableTests.Deployment(B, 100, 0)];

        Assert.All(RandomKeys, k => Assert.Equal(B, TrafficRouter.Route(table, k)!.Answer.Package));
    }

    [Fact]
    public void A_shadow_is_mirrored_its_share_independently_of_who_answers_and_never_answers()
    {
        Deployment[] table = [TrafficTableTests.Deployment(A, 50, 0), TrafficTableTests.Deployment(B, 50, 0), TrafficTableTests.Deployment(C, 0, 20)];

        RouteDecision[] routed = [.. RandomKeys.Select(k => TrafficRouter.Route(table, k)!)];

        Assert.DoesNotContain(routed, r => r.Answer.Package == C);
        Assert.All(routed.Where(r => r.Mirror is not null), r => Assert.Equal(C, r.Mirror!.Package));
        foreach (string answering in new[] { A, B })
        {
            RouteDecision[] share = [.. routed.Where(r => r.Answer.Package == answering)];
            Assert.InRange(100.0 * share.Count(r => r.Mirror is not null) / share.Length, 20 - 1.5 * 2, 20 + 1.5 * 2);
        }

        Assert.InRange(100.0 * routed.Count(r => r.Mirror is not null) / Keys, 20 - 1.5, 20 + 1.5);
    }

    [Fact]
    public void A_request_is_never_mirrored_to_the_deployment_that_answers_it()
    {
        // A answers half and mirrors 40%: only requests B answers can be mirrored to it, so 40% of B's half.
        Deployment[] table = [TrafficTableTests.Deployment(A, 50, 40), TrafficTableTests.Deployment(B, 50, 0)];

        RouteDecision[] routed = [.. RandomKeys.Select(k => TrafficRouter.Route(table, k)!)];

        Assert.DoesNotContain(routed, r => r.Mirror is not null && r.Mirror.Id == r.Answer.Id);
        RouteDecision[] byB = [.. routed.Where(r => r.Answer.Package == B)];
        Assert.InRange(100.0 * byB.Count(r => r.Mirror?.Package == A) / byB.Length, 40 - 3, 40 + 3);
        Assert.InRange(100.0 * routed.Count(r => r.Mirror is not null) / Keys, 20 - 1.5, 20 + 1.5);
    }

    [Fact]
    public void No_deployment_that_answers_routes_nowhere()
    {
        Assert.Null(TrafficRouter.Route([], "key"));
        Assert.Null(TrafficRouter.Route([TrafficTableTests.Deployment(A, 0, 10)], "key"));
    }

    private static Dictionary<string, int> Count(Deployment[] table, Func<RouteDecision, string> by) =>
        RandomKeys.Select(k => by(TrafficRouter.Route(table, k)!)).GroupBy(id => id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static string Digest(int i) => i switch { 0 => A, 1 => B, 2 => C, _ => D };

    private static string[] MakeKeys()
    {
        var random = new Random(20_240_601);
        return [.. Enumerable.Range(0, Keys).Select(_ => random.Next().ToString("x8", CultureInfo.InvariantCulture) + "-" + random.Next().ToString(CultureInfo.InvariantCulture))];
    }
}
