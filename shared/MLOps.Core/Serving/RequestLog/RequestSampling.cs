using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MLOps.Core.Serving.RequestLog;

/// <summary>
/// Which requests the request log keeps at a sample rate: decided by the request id's SHA-256, so the decision is
/// the same wherever and whenever it is made, and a sample is an unbiased share of the traffic.
/// </summary>
public static class RequestSampling
{
    public static bool Keeps(string requestId, double rate)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        if (rate >= 1)
        {
            return true;
        }

        if (rate <= 0 || double.IsNaN(rate))
        {
            return false;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(requestId), hash);
        double position = BinaryPrimitives.ReadUInt64BigEndian(hash) / 18446744073709551616.0;
        return position < rate;
    }
}
