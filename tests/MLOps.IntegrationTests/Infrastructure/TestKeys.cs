using MLOps.Core.Security;

namespace MLOps.IntegrationTests.Infrastructure;

/// <summary>The API keys the test hosts are configured with, one per role used by the tests.</summary>
internal static class TestKeys
{
    public const string Admin = "test-admin-key";
    public const string DataEngineer = "test-data-engineer-key";
    public const string DataScientist = "test-data-scientist-key";
    public const string Operations = "test-operations-key";
    public const string ModelRisk = "test-model-risk-key";
    public const string Business = "test-business-key";
    public const string Platform = "test-platform-key";
    public const string Application = "test-application-key";

    private static readonly (string Principal, string Key, Role Role)[] All =
    [
        ("admin", Admin, Role.Admin),
        ("data-engineer", DataEngineer, Role.DataEngineer),
        ("data-scientist", DataScientist, Role.DataScientist),
        ("operations", Operations, Role.OperationsEngineer),
        ("model-risk", ModelRisk, Role.ModelRiskAnalyst),
        ("business", Business, Role.Business),
        ("platform", Platform, Role.PlatformService),
        ("application", Application, Role.Application),
    ];

    /// <summary>The keys as configuration entries, e.g. for <c>Security:ApiKeys:0:Key</c>.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> AsConfiguration() =>
        All.SelectMany((k, i) => new KeyValuePair<string, string?>[]
        {
            new($"Security:ApiKeys:{i}:Principal", k.Principal),
            new($"Security:ApiKeys:{i}:Key", k.Key),
            new($"Security:ApiKeys:{i}:Roles:0", k.Role.ToString()),
        });
}
