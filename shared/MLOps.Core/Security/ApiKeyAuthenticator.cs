using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MLOps.Core.Security;

/// <summary>
/// Maps an API key to its caller. Keys are compared as SHA-256 digests in constant time, against every
/// configured key, so neither timing nor early exit tells how close a guess was.
/// </summary>
public sealed class ApiKeyAuthenticator
{
    private readonly (byte[] Digest, CallerIdentity Caller)[] keys;

    public ApiKeyAuthenticator(IOptions<SecurityOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.keys = options.Value.ApiKeys.Select(ToEntry).ToArray();
    }

    public CallerIdentity? Authenticate(string? presentedKey)
    {
        if (string.IsNullOrEmpty(presentedKey))
        {
            return null;
        }

        byte[] digest = SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey));
        CallerIdentity? match = null;
        foreach ((byte[] known, CallerIdentity caller) in this.keys)
        {
            if (CryptographicOperations.FixedTimeEquals(known, digest))
            {
                match ??= caller;
            }
        }

        return match;
    }

    private static (byte[], CallerIdentity) ToEntry(ApiKeyOptions key)
    {
        if (string.IsNullOrWhiteSpace(key.Principal) || key.Roles.Count == 0)
        {
            throw new OptionsValidationException(
                SecurityOptions.SectionName, typeof(ApiKeyOptions), ["Every API key needs a Principal and at least one Role."]);
        }

        byte[] digest = key switch
        {
            { KeySha256: { Length: > 0 } hex } => Convert.FromHexString(hex),
            { Key: { Length: > 0 } clear } => SHA256.HashData(Encoding.UTF8.GetBytes(clear)),
            _ => throw new OptionsValidationException(
                SecurityOptions.SectionName, typeof(ApiKeyOptions), [$"API key of '{key.Principal}' has neither Key nor KeySha256."]),
        };
        return (digest, new CallerIdentity(key.Principal, key.Roles.ToHashSet()));
    }
}
