namespace MLOps.Core.Diagnostics;

/// <summary>Output of the diagnostics pipeline.</summary>
public sealed record DiagnosticsReport(int StepsCompleted, int FanOutCompleted, Approval? Approval, IReadOnlyList<string> StepHosts);

/// <summary>The event a person raises to let a waiting pipeline go on.</summary>
public sealed record Approval(string ApprovedBy, bool Approved, string? Comment = null)
{
    public const string EventName = "Approval";
}

/// <summary>Input of one diagnostics step.</summary>
public sealed record DiagnosticStep(string InstanceId, int Step, int DelayMilliseconds);
