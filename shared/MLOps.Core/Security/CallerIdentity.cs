namespace MLOps.Core.Security;

/// <summary>Who is calling: the API key's principal name and roles. Never holds the key itself.</summary>
public sealed record CallerIdentity(string Principal, IReadOnlySet<Role> Roles)
{
    public static CallerIdentity System(string name) => new($"system:{name}", new HashSet<Role> { Role.PlatformService });
}
