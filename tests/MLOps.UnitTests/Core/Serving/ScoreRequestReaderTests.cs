using MLOps.Core.Serving.Scoring;

namespace MLOps.UnitTests.Core.Serving;

/// <summary>Score bodies are read for their shape only, values as a landed file would hold them, problems named by path.</summary>
public sealed class ScoreRequestReaderTests
{
    [Fact]
    public void Rows_become_records_of_text_as_landed()
    {
        ScoreRequest? request = ScoreRequestReader.Read(
            """{"rows":[{"Age":30,"Income":1.5e3,"Home":"rent","Records":false,"Debt":null,"Extra":"ignored by the contract"}]}""", 10, out IReadOnlyList<string> problems);

        Assert.Empty(problems);
        Assert.Equal(ScoreInputKind.Rows, request!.Kind);
        IReadOnlyDictionary<string, string?> row = Assert.Single(request.Rows);
        Assert.Equal("30", row["Age"]);
        Assert.Equal("1.5e3", row["Income"]);
        Assert.Equal("rent", row["Home"]);
        Assert.Equal("false", row["Records"]);
        Assert.Equal(string.Empty, row["Debt"]);
        Assert.Equal("ignored by the contract", row["Extra"]);
        Assert.Single(request.Inputs);
    }

    [Fact]
    public void Keys_are_entity_keys()
    {
        ScoreRequest? request = ScoreRequestReader.Read("""{"keys":["17","c-02"]}""", 10, out IReadOnlyList<string> problems);

        Assert.Empty(problems);
        Assert.Equal(ScoreInputKind.Keys, request!.Kind);
        Assert.Equal(["17", "c-02"], request.Keys);
    }

    [Theory]
    [InlineData("[]", "$: must be a JSON object")]
    [InlineData("""{"rows":[{"a":1}],"keys":["1"]}""", "$: send exactly one of 'rows'")]
    [InlineData("{}", "$: send exactly one of 'rows'")]
    [InlineData("""{"rows":{"a":1}}""", "$.rows: must be an array")]
    [InlineData("""{"rows":[]}""", "$.rows: must hold 1 to 3 items (Serving:MaxRows), not 0")]
    [InlineData("""{"rows":[{},{},{},{}]}""", "$.rows: must hold 1 to 3 items (Serving:MaxRows), not 4")]
    [InlineData("""{"keys":["1","2","3","4"]}""", "$.keys: must hold 1 to 3 items (Serving:MaxRows), not 4")]
    [InlineData("""{"rows":[1]}""", "$.rows[0]: must be an object of column: value")]
    [InlineData("""{"rows":[{"Age":[30]}]}""", "$.rows[0].Age: must be a string, number, Boolean or null, not an array")]
    [InlineData("""{"rows":[{"Age":{"v":30}}]}""", "$.rows[0].Age: must be a string, number, Boolean or null, not an object")]
    [InlineData("""{"rows":[{"Age":1,"Age":2}]}""", "Malformed JSON")]
    [InlineData("""{"rows":[{"A\u0001":1}]}""", "$.rows[0]: column names must be 1 to 256 characters without control characters")]
    [InlineData("""{"keys":[17]}""", "$.keys[0]: must be a string (an entity key)")]
    [InlineData("""{"keys":["a\u0000"]}""", "$.keys[0]: must be 1 to 256 characters")]
    [InlineData("""{"rows":[{"a":1}],"extra":true}""", "$.extra: is not a member")]
    [InlineData("""{"rows":[{"a":1}""", "Malformed JSON")]
    public void Shape_problems_are_named_by_path(string body, string expected)
    {
        Assert.Null(ScoreRequestReader.Read(body, 3, out IReadOnlyList<string> problems));

        Assert.Contains(problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_deeply_nested_body_is_refused_by_the_untrusted_json_limits()
    {
        string deep = string.Concat(Enumerable.Repeat("[", 40)) + string.Concat(Enumerable.Repeat("]", 40));

        Assert.Null(ScoreRequestReader.Read($$"""{"rows":[{"a":{{deep}}}]}""", 3, out IReadOnlyList<string> problems));
        Assert.StartsWith("Malformed JSON", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Many_problems_are_listed_up_to_a_bound()
    {
        string rows = string.Join(',', Enumerable.Repeat("""{"a":[1]}""", 50));

        Assert.Null(ScoreRequestReader.Read($$"""{"rows":[{{rows}}]}""", 100, out IReadOnlyList<string> problems));
        Assert.Equal(21, problems.Count);
        Assert.Equal("… and 30 more", problems[^1]);
    }
}
