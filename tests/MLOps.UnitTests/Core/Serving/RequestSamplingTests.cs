using System.Globalization;
using MLOps.Core.Serving.RequestLog;

namespace MLOps.UnitTests.Core.Serving;

public sealed class RequestSamplingTests
{
    [Fact]
    public void Rate_one_keeps_every_request_and_zero_none()
    {
        Assert.True(RequestSampling.Keeps("anything", 1));
        Assert.False(RequestSampling.Keeps("anything", 0));
    }

    [Fact]
    public void A_rate_keeps_about_that_share_and_decides_each_id_the_same_way_every_time()
    {
        string[] ids = [.. Enumerable.Range(0, 20_000).Select(i => Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"00000000-0000-0000-0000-{i:D12}")).ToString("N"))];

        int kept = ids.Count(id => RequestSampling.Keeps(id, 0.25));

        // Binomial(20000, 0.25): standard deviation ~61; 5 of them either side.
        Assert.InRange(kept, 5000 - 310, 5000 + 310);
        Assert.All(ids.Take(100), id => Assert.Equal(RequestSampling.Keeps(id, 0.25), RequestSampling.Keeps(id, 0.25)));

        // A lower rate keeps a subset of what a higher rate keeps.
        Assert.All(ids.Where(id => RequestSampling.Keeps(id, 0.1)), id => Assert.True(RequestSampling.Keeps(id, 0.25)));
    }
}
