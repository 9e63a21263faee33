using MLOps.Core.Naming;
using MLOps.Core.Pipelines;

namespace MLOps.Core.Diagnostics;

/// <summary>Output of the diagnostics pipeline.</summary>
public sealed record DiagnosticsReport(int StepsCompleted, int FanOutCompleted, Approval? Approval, IReadOnlyList<string> StepHosts);

/// <summary>The event a person raises to let a waiting pipeline go on.</summary>
public sealed record Approval(string ApprovedBy, bool Approved, string? Comment = null) : IValidatable
{
    public const string EventName = "Approval";

    public IReadOnlyList<string> Validate() =>
    [
        .. NameRules.Key.Problem("approvedBy", this.ApprovedBy) is { } by ? [by] : Array.Empty<string>(),
        .. this.Comment is not null && NameRules.Reason.Problem("comment", this.Comment) is { } comment ? [comment] : Array.Empty<string>(),
    ];
}

/// <summary>Input of one diagnostics step.</summary>
public sealed record DiagnosticStep(string InstanceId, int Step, int DelayMilliseconds);
