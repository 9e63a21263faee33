using System.Globalization;
using MLOps.Core.DataEngineering.Cleaning;
using MLOps.Core.DataEngineering.Profiling;

namespace MLOps.Core.DataEngineering.Validation;

/// <summary>
/// A classification target must hold at least <see cref="MinClasses"/> classes (a single class teaches a model
/// nothing), at most <see cref="MaxClasses"/>, and <see cref="RequiredClass"/> (the positive class) among them.
/// Classes are counted as cleaning will write them (<see cref="CategorySpelling"/>: values outside the allowed
/// set are no class). Judged on the profile's most frequent values; when the column has more distinct values than
/// those, the count is a lower bound and only what it proves fails the rule.
/// </summary>
public sealed record TargetClassesRule(
    string Id,
    string Column,
    int MinClasses = 2,
    int? MaxClasses = null,
    string? RequiredClass = null,
    IReadOnlyList<string>? AllowedValues = null,
    bool Normalised = false,
    RuleSeverity Severity = RuleSeverity.Hard,
    string? Name = null)
    : DataRule(Id, Severity, Name)
{
    internal override string Kind => "target classes";

    internal override string? TargetColumn => this.Column;

    internal override RuleVerdict Judge(DatasetProfile profile, ColumnProfile? column, long offendingRows)
    {
        var spelling = new CategorySpelling(this.AllowedValues, this.Normalised);
        IReadOnlyList<ValueCount> top = column?.TopValues ?? [];
        ValueCount[] classes = top
            .Select(v => (Class: spelling.Clean(v.Value), v.Count))
            .Where(c => c.Class is not null)
            .GroupBy(c => c.Class!, StringComparer.Ordinal)
            .Select(g => new ValueCount(g.Key, g.Sum(c => c.Count)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)
            .ToArray();
        bool complete = column is null || (!column.DistinctIsLowerBound && column.Distinct <= top.Count);
        bool hasRequired = this.RequiredClass is null || classes.Any(c => c.Value == this.RequiredClass);
        bool passed = (classes.Length >= this.MinClasses || !complete)
            && (this.MaxClasses is not { } max || classes.Length <= max)
            && (hasRequired || !complete);

        string expected = this.MaxClasses == this.MinClasses
            ? $"exactly {this.MinClasses} classes"
            : $"at least {this.MinClasses} classes{(this.MaxClasses is { } most ? $" and at most {most}" : string.Empty)}";
        if (this.RequiredClass is { } required)
        {
            expected += $", including the positive class '{required}'";
        }

        string listed = string.Join(", ", classes.Select(c => $"'{c.Value}' ({c.Count.ToString(CultureInfo.InvariantCulture)})"));
        string observed = classes.Length switch
        {
            0 => "no class",
            1 => $"a single class: {listed}",
            _ => $"{(complete ? string.Empty : "at least ")}{classes.Length} classes: {listed}",
        };
        if (!hasRequired && complete)
        {
            observed += $"; the positive class '{this.RequiredClass}' does not occur";
        }

        return new RuleVerdict(passed, expected, observed);
    }
}
