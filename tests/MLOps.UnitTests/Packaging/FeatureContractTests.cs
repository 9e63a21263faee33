using MLOps.Core.DataEngineering.Cleaning;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.FeatureStore;
using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.Packaging;
using MLOps.Core.Requirements;
using MLOps.Training.Data;
using MLOps.UnitTests.Core.DataEngineering;
using MLOps.UnitTests.Training;

namespace MLOps.UnitTests.Packaging;

/// <summary>
/// The contract encodes raw credit records exactly as the feature-set build wrote the same rows: it is the same code
/// (FeatureRowPlan, CleaningRun, FeatureRowEncoder), applied record by record instead of in passes.
/// </summary>
public class FeatureContractTests
{
    private static async Task<(FeatureContract Contract, TrainingTable Table, IReadOnlyList<string> Columns, List<CsvRecord> Raw)> CreditAsync()
    {
        TrainingTable table = await CreditTables.LoadAsync();
        FeatureSetWrite write = await CreditTables.WriteAsync();
        FeatureContract built = FeatureContract.Create(CreditTables.Spec, write.Features, table.FeatureNames);

        // As a package holds it: serialised, then read back.
        FeatureContract contract = FeatureContract.Parse(built.ToBytes());
        (IReadOnlyList<string> columns, List<CsvRecord> raw) = await DataFiles.ReadAllAsync(DataFiles.Open(DataFiles.CreditData));
        return (contract, table, columns, raw);
    }

    private static Dictionary<string, string?> Record(IReadOnlyList<string> columns, IReadOnlyList<string> fields) =>
        columns.Select((c, i) => (c, fields[i])).ToDictionary(p => p.c, p => (string?)p.Item2, StringComparer.Ordinal);

    [Fact]
    public async Task Every_raw_credit_record_encodes_to_the_feature_set_row_of_its_key_exactly()
    {
        (FeatureContract contract, TrainingTable table, IReadOnlyList<string> columns, List<CsvRecord> raw) = await CreditAsync();
        RawRecordEncoder encoder = contract.CreateEncoder();

        // The generated entity key is the raw record number; the target is not part of a record to score.
        var records = raw.Select(r => (IReadOnlyDictionary<string, string?>)Record(columns, r.Fields)).ToList();
        records.ForEach(r => ((Dictionary<string, string?>)r).Remove("Status"));
        IReadOnlyList<EncodedRecord> encoded = encoder.Encode(records);

        Assert.Equal(table.Rows, raw.Count);
        Assert.Equal(table.Width, encoder.Width);
        int compared = 0, withNaN = 0;
        for (int row = 0; row < table.Rows; row++)
        {
            int number = int.Parse(table.Keys[row], System.Globalization.CultureInfo.InvariantCulture);
            EncodedRecord record = encoded[number - 1];
            Assert.True(record.Encoded, $"record {number}: {string.Join("; ", record.Problems)}");
            for (int c = 0; c < table.Width; c++)
            {
                // Bit equality: NaN (a missing feature) must be NaN on both sides too.
                Assert.True(
                    BitConverter.SingleToInt32Bits(table.Features[row][c]) == BitConverter.SingleToInt32Bits(record.Values![c]),
                    $"record {number}, {table.FeatureNames[c]}: feature set {table.Features[row][c]:R}, contract {record.Values![c]:R}");
            }

            withNaN += table.Features[row].Any(float.IsNaN) ? 1 : 0;
            compared++;
        }

        Assert.Equal(4454, compared);
        Assert.Equal(withNaN, encoded.Count(e => e.Problems.Any(p => p.Kind == RecordProblemKind.NotANumber)));
    }

    [Fact]
    public async Task Values_come_in_the_models_input_order_not_the_fitted_sets()
    {
        (FeatureContract contract, TrainingTable table, IReadOnlyList<string> columns, List<CsvRecord> raw) = await CreditAsync();
        string[] reversed = [.. table.FeatureNames.Reverse()];
        RawRecordEncoder encoder = (contract with { FeatureNames = reversed }).CreateEncoder();

        EncodedRecord first = encoder.Encode(Record(columns, raw[0].Fields));

        Assert.Equal(table.Features[0].Reverse(), first.Values!);
    }

    [Fact]
    public async Task Each_problem_of_a_record_is_reported_with_its_column_and_nothing_is_thrown()
    {
        (FeatureContract contract, _, IReadOnlyList<string> columns, List<CsvRecord> raw) = await CreditAsync();
        RawRecordEncoder encoder = contract.CreateEncoder();
        Dictionary<string, string?> Edited(params (string Column, string? Value)[] changes)
        {
            Dictionary<string, string?> record = Record(columns, raw[0].Fields);
            foreach ((string column, string? value) in changes)
            {
                if (value is null)
                {
                    record.Remove(column);
                }
                else
                {
                    record[column] = value;
                }
            }

            return record;
        }

        // credit-scoring.json: Seniority Integer 0-60 none missing, Time 6-72, Home in six values, Income soft 0-10000.
        IReadOnlyList<EncodedRecord> encoded = encoder.Encode(
        [
            Edited(("Income", null)),
            Edited(("Seniority", "nine")),
            Edited(("Time", "96")),
            Edited(("Home", "castle")),
            Edited(("Seniority", "")),
            Edited(("Expenses", "NaN")),
            Edited(("Income", "0")),
            Edited(("Age", null), ("Status", null), ("Marital", "???")),
        ]);

        static RecordProblem Only(EncodedRecord record) => Assert.Single(record.Problems);
        Assert.Equal(("Income", RecordProblemKind.MissingColumn), (Only(encoded[0]).Column, Only(encoded[0]).Kind));
        Assert.Equal(("Seniority", RecordProblemKind.WrongType), (Only(encoded[1]).Column, Only(encoded[1]).Kind));
        Assert.Equal(("Time", RecordProblemKind.OutOfRange), (Only(encoded[2]).Column, Only(encoded[2]).Kind));
        Assert.Equal(("Home", RecordProblemKind.UnknownCategory), (Only(encoded[3]).Column, Only(encoded[3]).Kind));
        Assert.Equal(("Seniority", RecordProblemKind.MissingValue), (Only(encoded[4]).Column, Only(encoded[4]).Kind));
        Assert.Equal(("Expenses", RecordProblemKind.WrongType), (Only(encoded[5]).Column, Only(encoded[5]).Kind));
        Assert.All(encoded.Take(6), e => Assert.Null(e.Values));
        Assert.Contains("'castle'", Only(encoded[3]).Detail, StringComparison.Ordinal);

        // A zero income is allowed, and training encoded expense_to_income as missing for it: encoded, NaN, noted.
        RecordProblem nan = Only(encoded[6]);
        Assert.Equal((RecordProblemKind.NotANumber, "expense_to_income", "Expenses, Income", false), (nan.Kind, nan.Feature, nan.Column, nan.Blocking));
        Assert.True(float.IsNaN(encoded[6].Values![contract.FeatureNames.ToList().IndexOf("expense_to_income")]));

        // Columns the contract does not read (a sensitive attribute, the target) may be absent or anything.
        Assert.True(encoded[7].Encoded);
        Assert.Empty(encoded[7].Problems);
    }

    [Fact]
    public async Task A_soft_rule_that_drops_rows_drops_the_record_and_a_nulled_value_is_imputed_as_in_training()
    {
        (FeatureContract contract, _, IReadOnlyList<string> columns, List<CsvRecord> raw) = await CreditAsync();
        ColumnRule income = contract.Columns.Single(c => c.Name == "Income");
        Assert.Equal(RuleSeverity.Soft, income.Severity);
        RawRecordEncoder nulling = contract.CreateEncoder();
        RawRecordEncoder dropping = (contract with
        {
            Columns = [.. contract.Columns.Select(c => c.Name == "Income" ? c with { OnInvalid = InvalidValueAction.DropRow } : c)],
        }).CreateEncoder();
        Dictionary<string, string?> negative = Record(columns, raw[0].Fields);
        negative["Income"] = "-5";
        Dictionary<string, string?> missing = Record(columns, raw[0].Fields);
        missing["Income"] = string.Empty;

        EncodedRecord dropped = dropping.Encode(negative);
        EncodedRecord nulled = nulling.Encode(negative);
        EncodedRecord imputed = nulling.Encode(missing);

        Assert.Equal(("Income", RecordProblemKind.Dropped, true), (Assert.Single(dropped.Problems).Column, dropped.Problems[0].Kind, dropped.Problems[0].Blocking));
        Assert.Null(dropped.Values);

        // NullOut then imputation: -5 and a missing income both become the fitted median, as cleaning made them in training.
        Assert.Empty(nulled.Problems);
        Assert.Equal(imputed.Values, nulled.Values);
        string fill = contract.Fitted.Fills["Income"];
        int logIncome = contract.FeatureNames.ToList().IndexOf("log_income");
        Assert.Equal((float)Math.Log(double.Parse(fill, System.Globalization.CultureInfo.InvariantCulture) + 1), nulled.Values![logIncome]);
    }

    [Fact]
    public async Task A_contract_reads_the_feature_sources_and_no_target_and_refuses_a_wrong_column_order()
    {
        (FeatureContract contract, TrainingTable table, _, _) = await CreditAsync();

        // Age and Marital are sensitive and not features; Status is the target.
        Assert.Equal(["Seniority", "Home", "Time", "Records", "Job", "Expenses", "Income", "Assets", "Debt", "Amount", "Price"], contract.Columns.Select(c => c.Name));
        Assert.Equal("Status", contract.Target);
        string[] wrong = [.. table.FeatureNames.Take(table.Width - 1), "no_such_feature"];
        InvalidDataException refused = Assert.Throws<InvalidDataException>(() => FeatureContract.Create(CreditTables.Spec, contract.Fitted, wrong));
        Assert.Contains("featureNames", refused.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => FeatureContract.Parse((contract with { FeatureNames = wrong }).ToBytes()));
    }
}
