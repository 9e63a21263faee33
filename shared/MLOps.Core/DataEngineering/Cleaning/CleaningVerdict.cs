using System.Text.Json.Serialization;
using MLOps.Core.Requirements;

namespace MLOps.Core.DataEngineering.Cleaning;

/// <summary>The change guard's verdict on one cleaning pass: passed when no finding fails the run.</summary>
public sealed record CleaningVerdict(IReadOnlyList<CleaningFinding> Findings)
{
    public bool Passed => !this.Findings.Any(f => f.Outcome == GuardAction.Fail);

    [JsonIgnore]
    public IEnumerable<CleaningFinding> Failures => this.Findings.Where(f => f.Outcome == GuardAction.Fail);

    [JsonIgnore]
    public IEnumerable<CleaningFinding> Warnings => this.Findings.Where(f => f.Outcome == GuardAction.Warn);

    /// <summary>The failures in one message, for the failed run.</summary>
    public string DescribeFailures() =>
        $"Cleaning was stopped by {this.Failures.Count()} finding(s) of the change guard: {string.Join(" | ", this.Failures.Select(f => f.Message))}";
}
