using System.Text.Json.Serialization;
using MLOps.Core.DataEngineering.Profiling;

namespace MLOps.Core.DataEngineering.Validation;

/// <summary>
/// A declared expectation about a dataset. Rules are data (read from pipeline configuration as JSON, the
/// <c>kind</c> property naming the rule); each knows how to test a field value while rows stream past and how to
/// judge the outcome against the profile. <see cref="Name"/> defaults to <see cref="Id"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ColumnTypeRule), "columnType")]
[JsonDerivedType(typeof(RangeRule), "range")]
[JsonDerivedType(typeof(AllowedValuesRule), "allowedValues")]
[JsonDerivedType(typeof(MaxMissingShareRule), "maxMissingShare")]
[JsonDerivedType(typeof(UniqueRule), "unique")]
[JsonDerivedType(typeof(MinRowCountRule), "minRowCount")]
[JsonDerivedType(typeof(TargetClassesRule), "targetClasses")]
public abstract record DataRule(string Id, RuleSeverity Severity, string? Name)
{
    [JsonIgnore]
    public string DisplayName => this.Name ?? this.Id;

    internal abstract string Kind { get; }

    internal virtual string? TargetColumn => null;

    /// <summary>
    /// A test that says whether one field value offends the rule, or null for rules judged on the profile alone.
    /// A fresh test per run, because some (uniqueness) remember the values they have seen.
    /// </summary>
    internal virtual Func<string, bool>? CreateOffenceTest() => null;

    internal abstract RuleVerdict Judge(DatasetProfile profile, ColumnProfile? column, long offendingRows);
}
