using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MLOps.Core.Serving.Endpoints;

/// <summary>
/// Sticky, stateless routing by weight table. A request's routing key is hashed (SHA-256 of a salt and the key, its
/// first 8 bytes big-endian, modulo <see cref="TrafficTable.Whole"/>) into a bucket of 0–9,999, and the bucket falls in
/// one deployment's range of the cumulative answered shares in basis points, deployments in id order. So the same key
/// reaches the same deployment on every node and in every process for as long as the table holds, and a change of
/// two deployments' shares moves only keys of the one that shrinks. Mirroring draws a second bucket with another salt,
/// independent of the first, against the cumulative mirror shares; a request is never mirrored to the deployment that
/// answers it, so a deployment that answers too is mirrored (100 − its answered share)% of its mirror share.
/// </summary>
public static class TrafficRouter
{
    private const string AnswerSalt = "answer";
    private const string MirrorSalt = "mirror";

    /// <summary>Where a request with <paramref name="routingKey"/> goes; null when no deployment answers.</summary>
    public static RouteDecision? Route(IReadOnlyList<Deployment> deployments, string routingKey)
    {
        ArgumentNullException.ThrowIfNull(deployments);
        ArgumentNullException.ThrowIfNull(routingKey);
        Deployment[] ordered = [.. deployments.OrderBy(d => d.Id, StringComparer.Ordinal)];
        Deployment? answer = Pick(ordered, d => d.TrafficPercent, Bucket(AnswerSalt, routingKey), scaleToWhole: true);
        if (answer is null)
        {
            return null;
        }

        Deployment? mirror = Pick(ordered, d => d.MirrorPercent, Bucket(MirrorSalt, routingKey), scaleToWhole: false);
        return new RouteDecision(answer, mirror is not null && mirror.Id != answer.Id ? mirror : null);
    }

    /// <summary>The key's bucket, 0 to 9,999, under <paramref name="salt"/>.</summary>
    public static int Bucket(string salt, string routingKey)
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentNullException.ThrowIfNull(routingKey);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{salt}\n{routingKey}"), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % TrafficTable.Whole);
    }

    /// <summary>
    /// The deployment whose cumulative range holds <paramref name="bucket"/>. Answered shares of a stored table sum to
    /// 100; <paramref name="scaleToWhole"/> still spreads the buckets over whatever they sum to, so a table stored
    /// before the rules (or edited by hand) routes every request somewhere rather than nowhere.
    /// </summary>
    private static Deployment? Pick(Deployment[] ordered, Func<Deployment, double> share, int bucket, bool scaleToWhole)
    {
        long total = ordered.Sum(d => (long)Math.Max(0, TrafficTable.BasisPoints(share(d))));
        if (total == 0)
        {
            return null;
        }

        long position = scaleToWhole ? bucket * total / TrafficTable.Whole : bucket;
        long cumulative = 0;
        foreach (Deployment deployment in ordered)
        {
            cumulative += Math.Max(0, TrafficTable.BasisPoints(share(deployment)));
            if (position < cumulative)
            {
                return deployment;
            }
        }

        return null;
    }
}
