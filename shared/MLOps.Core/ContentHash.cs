using System.Security.Cryptography;
using System.Text;

namespace MLOps.Core;

/// <summary>The platform's one content address: lower-case hex SHA-256 of UTF-8 text or bytes.</summary>
public static class ContentHash
{
    public static string Sha256(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Sha256(Encoding.UTF8.GetBytes(text));
    }

    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
