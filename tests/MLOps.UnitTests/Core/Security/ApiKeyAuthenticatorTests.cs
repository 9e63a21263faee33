using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MLOps.Core.Security;

namespace MLOps.UnitTests.Core.Security;

public class ApiKeyAuthenticatorTests
{
    private static ApiKeyAuthenticator Create(params ApiKeyOptions[] keys) =>
        new(Options.Create(new SecurityOptions { ApiKeys = keys }));

    [Fact]
    public void A_clear_key_maps_to_its_principal_and_roles()
    {
        ApiKeyAuthenticator authenticator = Create(new ApiKeyOptions { Principal = "ana", Key = "k1", Roles = [Role.DataScientist] });

        CallerIdentity? caller = authenticator.Authenticate("k1");

        Assert.NotNull(caller);
        Assert.Equal("ana", caller.Principal);
        Assert.Equal([Role.DataScientist], caller.Roles);
    }

    [Fact]
    public void A_hashed_key_is_accepted_without_the_clear_key_in_configuration()
    {
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("s3cret")));
        ApiKeyAuthenticator authenticator = Create(new ApiKeyOptions { Principal = "ops", KeySha256 = hash, Roles = [Role.OperationsEngineer] });

        Assert.Equal("ops", authenticator.Authenticate("s3cret")?.Principal);
        Assert.Null(authenticator.Authenticate("s3cret "));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("K1")]
    [InlineData("k")]
    public void Unknown_or_missing_keys_are_rejected(string? key)
    {
        ApiKeyAuthenticator authenticator = Create(new ApiKeyOptions { Principal = "ana", Key = "k1", Roles = [Role.DataScientist] });

        Assert.Null(authenticator.Authenticate(key));
    }

    [Fact]
    public void A_key_without_roles_is_a_configuration_error()
    {
        Assert.Throws<OptionsValidationException>(() => Create(new ApiKeyOptions { Principal = "x", Key = "k" }));
    }
}
