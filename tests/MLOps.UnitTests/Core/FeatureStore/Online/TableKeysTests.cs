using System.Text.RegularExpressions;
using MLOps.Core.FeatureStore;
using MLOps.Core.Storage;

namespace MLOps.UnitTests.Core.FeatureStore.Online;

public sealed class TableKeysTests
{
    private static readonly Regex TableNameRule = new("^[A-Za-z][A-Za-z0-9]{2,62}$");

    [Theory]
    [InlineData("credit-risk", "featurescreditrisk7dd772ab")]
    [InlineData("CreditRisk", "featurescreditrisk37480066")]
    public void Project_table_names_are_alphanumeric_and_keep_a_hash_of_the_original(string project, string expected)
    {
        // hashlib.sha256(project.encode()).hexdigest()[:8]: 7dd772ab and 37480066.
        Assert.Equal(expected, OnlineTableLayout.TableName(project));
        Assert.Matches(TableNameRule, expected);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("ü-ñ")]
    [InlineData("---")]
    [InlineData("a project with a very long name that goes on and on and on beyond sixty three characters")]
    public void Any_project_gets_a_valid_table_name(string project)
    {
        string name = OnlineTableLayout.TableName(project);

        Assert.Matches(TableNameRule, name);
        Assert.StartsWith("features", name, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_names_refuse_bad_prefixes_and_empty_names()
    {
        Assert.Throws<ArgumentException>(() => TableKeys.TableName("1abc", "p"));
        Assert.Throws<ArgumentException>(() => TableKeys.TableName("a-b", "p"));
        Assert.Throws<ArgumentException>(() => TableKeys.TableName("features", " "));
    }

    [Theory]
    [InlineData("plain-key_42", "plain-key_42")]
    [InlineData("a/b\\c#d?e", "a%2Fb%5Cc%23d%3Fe")]
    [InlineData("100%", "100%25")]
    [InlineData("tab\there\u007f\u0085", "tab%09here%7F%85")]
    [InlineData("ünïcødé", "ünïcødé")]
    public void Keys_escape_forbidden_characters_and_round_trip(string key, string escaped)
    {
        Assert.Equal(escaped, TableKeys.Escape(key));
        Assert.Equal(key, TableKeys.Unescape(escaped));
        Assert.DoesNotContain(TableKeys.Escape(key), c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
    }

    [Fact]
    public void Escaping_round_trips_every_character_below_256()
    {
        string all = new([.. Enumerable.Range(1, 255).Select(i => (char)i)]);

        Assert.Equal(all, TableKeys.Unescape(TableKeys.Escape(all)));
    }

    [Fact]
    public void Overlong_keys_and_truncated_escapes_are_refused()
    {
        ArgumentException tooLong = Assert.Throws<ArgumentException>(() => TableKeys.Escape(new string('/', 200)));
        Assert.Contains("600 characters once escaped", tooLong.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => TableKeys.Unescape("abc%2"));
        Assert.Throws<ArgumentException>(() => OnlineTableLayout.RowKeyOf(""));
    }

    [Fact]
    public void Partition_bucket_is_the_first_sha256_byte_of_the_key()
    {
        // hashlib.sha256(b"customer-42").hexdigest()[:2] = "a0"; b"k000" -> "3b".
        Assert.Equal("a0", OnlineTableLayout.PartitionOf("customer-42"));
        Assert.Equal("3b", OnlineTableLayout.PartitionOf("k000"));
        Assert.Equal(256, Enumerable.Range(0, 5000).Select(i => OnlineTableLayout.PartitionOf($"k{i}")).Distinct().Count());
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("dash-name")]
    [InlineData("")]
    public void Feature_names_that_cannot_be_properties_are_refused(string feature)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => OnlineTableLayout.PropertyOf(feature));
        Assert.Contains("cannot be a Table property", error.Message, StringComparison.Ordinal);
    }
}
