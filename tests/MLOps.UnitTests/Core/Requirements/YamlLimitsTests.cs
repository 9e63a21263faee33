using MLOps.Core.Json;
using MLOps.Core.Requirements;

namespace MLOps.UnitTests.Core.Requirements;

/// <summary>
/// Untrusted YAML is read under limits. Before, 100,000 nested brackets overflowed the stack inside YamlDotNet's
/// representation model (a crash no handler can catch: this test process would die) and a 441-byte alias bomb
/// expanded to gigabytes.
/// </summary>
public sealed class YamlLimitsTests
{
    private const string AliasBomb = """
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
        """;

    [Theory]
    [InlineData("[", "")]
    [InlineData("{a: ", "")]
    [InlineData("- ", "x")]
    public void Deep_nesting_is_refused_naming_the_limit_instead_of_overflowing_the_stack(string open, string tail)
    {
        string yaml = string.Concat(Enumerable.Repeat(open, 100_000)) + tail;

        SpecProblem problem = Assert.Single(ProjectSpecValidator.ValidateYaml(yaml).Problems);

        Assert.Contains($"deeper than {JsonLimits.MaxDepth} levels", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read_and_one_level_more_is_not()
    {
        static string Nested(int depth) => "x: " + new string('[', depth - 1) + "1" + new string(']', depth - 1);

        Assert.DoesNotContain(ProjectSpecValidator.ValidateYaml(Nested(JsonLimits.MaxDepth)).Problems, p => p.Message.Contains("deeper", StringComparison.Ordinal));
        Assert.Contains("deeper", Assert.Single(ProjectSpecValidator.ValidateYaml(Nested(JsonLimits.MaxDepth + 1)).Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_bomb_is_refused_before_it_expands()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();

        SpecProblem problem = Assert.Single(ProjectSpecValidator.ValidateYaml(AliasBomb).Problems);

        Assert.Contains("aliases", problem.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 256L * 1024 * 1024, "refusing the bomb must not allocate its expansion");
    }

    [Fact]
    public void Ordinary_anchors_and_aliases_expand_like_copies()
    {
        string yaml = "base: &rule { type: Number, min: 0 }\ncopies: [*rule, *rule]\nname: &n credit\nagain: *n\n";

        SpecValidationResult result = ProjectSpecValidator.ValidateYaml(yaml);

        // Not a valid spec, but every problem is about the spec's meaning: the aliases were read as copies.
        Assert.Contains(result.Problems, p => p.Path == "$.base");
        Assert.Contains(result.Problems, p => p.Path == "$.copies");
        Assert.Contains(result.Problems, p => p.Path == "$.again");
    }

    [Theory]
    [InlineData("a: *nowhere\n", "names no anchor")]
    [InlineData("name: !!python/object:os.system ls\n", "tag")]
    [InlineData("name: !custom x\n", "tag")]
    [InlineData("", "exactly one document, not 0")]
    [InlineData("? [a, b]\n: c\n", "keys must be scalars")]
    public void What_yaml_specs_do_not_use_is_refused(string yaml, string expected)
    {
        SpecProblem problem = Assert.Single(ProjectSpecValidator.ValidateYaml(yaml).Problems);

        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_core_schema_tags_are_honoured()
    {
        SpecValidationResult result = ProjectSpecValidator.ValidateYaml("name: !!str 123\nbusinessGoal: !!str true\n");

        // 123 read as a string reaches the meaning check (not a slug) rather than the type check.
        Assert.Contains(result.Problems, p => p.Path == "$.name" && p.Message.Contains("slug", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Problems, p => p.Path == "$.businessGoal");
    }
}
