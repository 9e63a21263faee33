using MLOps.Core.Tracking;

namespace MLOps.UnitTests.Core.Tracking;

public sealed class RunEnvironmentTests
{
    [Fact]
    public void Capture_records_runtime_packages_and_code_version()
    {
        // Only loaded assemblies are listed; make sure one Azure SDK assembly is.
        _ = typeof(Azure.ETag).Assembly;
        RunEnvironment env = RunEnvironment.Capture(typeof(RunEnvironment).Assembly);

        Assert.StartsWith(".NET", env.Runtime, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(env.OperatingSystem));
        Assert.Contains("MLOps.Core", env.Packages.Keys);
        Assert.Contains(env.Packages.Keys, k => k.StartsWith("Azure.", StringComparison.Ordinal));
        Assert.StartsWith("0.1.0", env.CodeVersion, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_link_suffix_is_the_git_commit()
    {
        Assert.Equal(("1.2.3", "abc123"), RunEnvironment.StripCommit("1.2.3+abc123"));
        Assert.Equal(("1.2.3", (string?)null), RunEnvironment.StripCommit("1.2.3"));
    }
}
