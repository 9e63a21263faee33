using MLOps.Core.Integration;
using MLOps.Core.Integration.Contract;
using MLOps.Core.Requirements;
using MLOps.UnitTests.Core.Requirements;

namespace MLOps.UnitTests.Core.Integration.Contract;

public sealed class InputSchemaCheckTests
{
    [Fact]
    public void The_expected_inputs_are_the_registered_columns_less_the_target()
    {
        IReadOnlyList<SchemaColumn> expected = InputSchemaCheck.ExpectedInputs(SpecFixtures.CreditSpec);

        Assert.Equal(13, expected.Count);
        Assert.DoesNotContain(expected, c => c.Name == "Status");
        Assert.Contains(new SchemaColumn("Income", ColumnType.Number), expected);
        Assert.Contains(new SchemaColumn("Age", ColumnType.Integer), expected);
    }

    [Fact]
    public void The_same_columns_in_another_order_pass()
    {
        SchemaColumn[] registered = [new("Age", ColumnType.Integer), new("Home", ColumnType.Categorical), new("Income", ColumnType.Number)];
        SchemaColumn[] package = [new("Income", ColumnType.Number), new("Age", ColumnType.Integer), new("Home", ColumnType.Categorical)];

        CheckResult result = InputSchemaCheck.Check(package, registered);

        Assert.True(result.Passed, result.Detail);
        Assert.Equal(0, result.Figure);
        Assert.Equal(CheckNames.InputSchema, result.Check);
    }

    [Fact]
    public void Every_difference_is_named_and_counted()
    {
        SchemaColumn[] registered = [new("Age", ColumnType.Integer), new("Home", ColumnType.Categorical), new("Income", ColumnType.Number)];
        SchemaColumn[] package = [new("Age", ColumnType.Number), new("income", ColumnType.Number), new("Home", ColumnType.Categorical), new("Home", ColumnType.Categorical)];

        CheckResult result = InputSchemaCheck.Check(package, registered);

        Assert.False(result.Passed);
        Assert.Equal(4, result.Figure);
        Assert.Equal(
            "'Home' is declared 2 times by the package; 'Income' (Number) is registered but the package does not take it; "
            + "'income' (Number) is taken by the package but not registered; 'Age' is Number in the package but registered as Integer.",
            result.Detail);
    }
}
