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
        Assert.Equal("The package reads 3 of the 3 registered columns. Every column it reads is registered with its type.", result.Detail);
    }

    [Fact]
    public void A_registered_column_the_package_does_not_read_is_listed_not_counted()
    {
        // The credit spec registers Age and Marital as sensitive attributes that no feature may read.
        SchemaColumn[] registered = [new("Age", ColumnType.Integer), new("Marital", ColumnType.Categorical), new("Income", ColumnType.Number)];
        SchemaColumn[] package = [new("Income", ColumnType.Number)];

        CheckResult result = InputSchemaCheck.Check(package, registered);

        Assert.True(result.Passed, result.Detail);
        Assert.Equal(0, result.Figure);
        Assert.Equal("The package reads 1 of the 3 registered columns; not read: Age, Marital. Every column it reads is registered with its type.", result.Detail);
    }

    [Fact]
    public void Every_difference_is_named_and_counted()
    {
        SchemaColumn[] registered = [new("Age", ColumnType.Integer), new("Home", ColumnType.Categorical), new("Income", ColumnType.Number)];
        SchemaColumn[] package = [new("Age", ColumnType.Number), new("income", ColumnType.Number), new("Home", ColumnType.Categorical), new("Home", ColumnType.Categorical)];

        CheckResult result = InputSchemaCheck.Check(package, registered);

        Assert.False(result.Passed);
        Assert.Equal(3, result.Figure);
        Assert.Equal(
            "'Home' is declared 2 times by the package; "
            + "'income' (Number) is taken by the package but not registered; 'Age' is Number in the package but registered as Integer. "
            + "The package reads 2 of the 3 registered columns; not read: Income.",
            result.Detail);
    }
}
