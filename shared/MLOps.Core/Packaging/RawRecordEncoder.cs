using System.Globalization;
using MLOps.Core.DataEngineering;
using MLOps.Core.DataEngineering.Cleaning;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.DataEngineering.Profiling;
using MLOps.Core.DataEngineering.Validation;
using MLOps.Core.FeatureStore.Engineering;
using MLOps.Core.Requirements;
using RuleSeverity = MLOps.Core.DataEngineering.Validation.RuleSeverity;

namespace MLOps.Core.Packaging;

/// <summary>
/// Turns raw records (column → value as landed) into the model's input rows by the path that built the training
/// rows: the hard rules of <see cref="DataContract.ValidationRules(DataRules)"/> on the raw values (the data
/// pipeline refuses a file that breaks one), then <see cref="FeatureRowPlan"/>'s cleaning and imputation with the
/// fitted fills (<see cref="CleaningRun.CleanRecord"/>), then the fitted set's <see cref="FeatureRowEncoder"/>, then
/// the model's column order, as floats (how training reads the feature set). Problems are reported per record with
/// the column (<see cref="RecordProblem"/>), never thrown. Safe to share between threads: each call cleans with its
/// own runs.
/// </summary>
public sealed class RawRecordEncoder
{
    private readonly string[] header;
    private readonly DataCleaner cleaner;
    private readonly DataCleaner imputer;
    private readonly IReadOnlyDictionary<string, string> fills;
    private readonly FeatureRowEncoder encoder;
    private readonly int[] order;
    private readonly (int Column, RecordProblemKind Kind, string Rule, Func<string, bool> Offends)[] hardRules;

    public RawRecordEncoder(FeatureContract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (contract.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException($"The feature contract is not usable: {string.Join("; ", problems)}.", nameof(contract));
        }

        this.header = [.. contract.Columns.Select(c => c.Name)];
        var rules = new DataRules { MinRows = 0, Columns = contract.Columns };
        FeatureRowPlan plan = FeatureRowPlan.For(rules, contract.Target);
        this.cleaner = new DataCleaner(plan.Cleaning);
        this.imputer = new DataCleaner(plan.Imputing);
        this.fills = contract.Fitted.Fills;
        this.encoder = contract.Fitted.Bind(this.header);
        IReadOnlyList<string> columns = contract.Fitted.Columns;
        this.order = [.. contract.FeatureNames.Select(n => IndexOf(columns, n))];
        this.hardRules = [.. DataContract.ValidationRules(rules).SelectMany(this.HardRule)];
        this.Width = this.order.Length;
    }

    /// <summary>The model's input width.</summary>
    public int Width { get; }

    /// <summary>The landed columns a record must have.</summary>
    public IReadOnlyList<string> Columns => this.header;

    public EncodedRecord Encode(IReadOnlyDictionary<string, string?> record) => this.Encode([record])[0];

    /// <summary>Encodes each record on its own (nothing is shared between records: no duplicate detection, no statistics).</summary>
    public IReadOnlyList<EncodedRecord> Encode(IReadOnlyList<IReadOnlyDictionary<string, string?>> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        CleaningRun cleaning = this.cleaner.Start(this.header, new Dictionary<string, string>());
        CleaningRun imputing = this.imputer.Start(this.header, this.fills);
        var encoded = new EncodedRecord[records.Count];
        double[] values = new double[this.encoder.Width];
        var uses = new FeatureUse[this.encoder.Features.Count];
        for (int r = 0; r < records.Count; r++)
        {
            encoded[r] = this.EncodeOne(r + 1, records[r], cleaning, imputing, values, uses);
        }

        return encoded;
    }

    private EncodedRecord EncodeOne(
        long number, IReadOnlyDictionary<string, string?> record, CleaningRun cleaning, CleaningRun imputing, double[] values, FeatureUse[] uses)
    {
        ArgumentNullException.ThrowIfNull(record);
        var problems = new List<RecordProblem>();
        string[] raw = new string[this.header.Length];
        for (int c = 0; c < raw.Length; c++)
        {
            if (record.TryGetValue(this.header[c], out string? value))
            {
                raw[c] = value ?? string.Empty;
            }
            else
            {
                problems.Add(new RecordProblem(this.header[c], RecordProblemKind.MissingColumn, $"The record has no '{this.header[c]}' column."));
            }
        }

        // One problem per column, the first rule it breaks (type, then range, allowed values, missing): "nine" is not
        // an integer, and saying it is also out of range would say nothing more.
        bool[] reported = new bool[raw.Length];
        foreach ((int column, RecordProblemKind kind, string rule, Func<string, bool> offends) in this.hardRules)
        {
            if (raw[column] is { } value && !reported[column] && offends(value))
            {
                reported[column] = true;
                problems.Add(new RecordProblem(
                    this.header[column],
                    kind,
                    kind == RecordProblemKind.MissingValue ? $"No value, and the rule {rule} allows none." : $"'{Shorten(value)}' breaks the rule {rule}."));
            }
        }

        if (problems.Count > 0)
        {
            return new EncodedRecord(null, problems);
        }

        var line = new CsvRecord(number, number, raw);
        if (cleaning.CleanRecord(line, out string? droppedBy) is not { } cleaned)
        {
            problems.Add(new RecordProblem(
                droppedBy!, RecordProblemKind.Dropped, $"'{Shorten(raw[Array.IndexOf(this.header, droppedBy)])}' breaks a rule whose action drops the row."));
            return new EncodedRecord(null, problems);
        }

        string[] fields = imputing.CleanRecord(line with { Fields = cleaned }, out _)!;
        this.encoder.Apply(fields, values);
        this.encoder.Classify(fields, values, uses);
        for (int f = 0; f < uses.Length; f++)
        {
            if (uses[f] == FeatureUse.Lost)
            {
                FeatureDefinition feature = this.encoder.Features[f].Definition;
                string sources = string.Join(", ", this.encoder.SourceIndexes(f).Select(i => this.header[i]));
                problems.Add(feature.Transform is OneHotTransform
                    ? new RecordProblem(sources, RecordProblemKind.UnseenCategory, $"'{Shorten(fields[this.encoder.SourceIndexes(f)[0]])}' was not seen in training; encoded with no indicator set.", feature.Name)
                    : new RecordProblem(sources, RecordProblemKind.NotANumber, $"Feature '{feature.Name}' has no value for {Describe(fields, this.encoder.SourceIndexes(f))}; encoded as missing (NaN).", feature.Name));
            }
        }

        float[] row = new float[this.order.Length];
        for (int i = 0; i < row.Length; i++)
        {
            row[i] = (float)values[this.order[i]];
        }

        return new EncodedRecord(row, problems);
    }

    /// <summary>The per-value tests of a column's hard rules; a missing value only offends a rule allowing none.</summary>
    private IEnumerable<(int, RecordProblemKind, string, Func<string, bool>)> HardRule(DataRule rule)
    {
        (string? column, RecordProblemKind? kind) = rule switch
        {
            ColumnTypeRule type => (type.Column, RecordProblemKind.WrongType),
            RangeRule { Severity: RuleSeverity.Hard } range => (range.Column, RecordProblemKind.OutOfRange),
            AllowedValuesRule { Severity: RuleSeverity.Hard } allowed => (allowed.Column, RecordProblemKind.UnknownCategory),
            MaxMissingShareRule { Severity: RuleSeverity.Hard, MaxShare: <= 0 } missing => (missing.Column, RecordProblemKind.MissingValue),
            _ => ((string?)null, (RecordProblemKind?)null),
        };
        if (column is not null && kind is { } k && rule.CreateOffenceTest() is { } test)
        {
            yield return (Array.IndexOf(this.header, column), k, $"'{rule.DisplayName}'", test);
        }
    }

    private static string Describe(string[] fields, IReadOnlyList<int> sources) =>
        string.Join(", ", sources.Select(i => $"'{Shorten(fields[i])}'"));

    private static string Shorten(string value) =>
        value.Length <= 64 ? value : string.Concat(value.AsSpan(0, 64), "…");

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (int i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The model input '{name}' is not a fitted feature column."), nameof(name));
    }
}
