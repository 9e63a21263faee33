namespace MLOps.FunctionsApp.Tests.Support;

/// <summary>The keys <see cref="TriggerHarness"/> configures, one per role the tests need.</summary>
internal static class ApiKeys
{
    public const string Admin = "test-admin-key";

    /// <summary>Authenticated, but may not start the diagnostics pipeline.</summary>
    public const string DataScientist = "test-data-scientist-key";

    public const string Platform = "test-platform-key";

    public static Dictionary<string, string?> Settings() => new()
    {
        ["Security:ApiKeys:0:Principal"] = "test-admin",
        ["Security:ApiKeys:0:Key"] = Admin,
        ["Security:ApiKeys:0:Roles:0"] = "Admin",
        ["Security:ApiKeys:1:Principal"] = "test-data-scientist",
        ["Security:ApiKeys:1:Key"] = DataScientist,
        ["Security:ApiKeys:1:Roles:0"] = "DataScientist",
        ["Security:ApiKeys:2:Principal"] = "test-platform",
        ["Security:ApiKeys:2:Key"] = Platform,
        ["Security:ApiKeys:2:Roles:0"] = "PlatformService",
    };
}
