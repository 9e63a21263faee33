using MLOps.Core.Pipelines;

namespace MLOps.Core.Diagnostics;

/// <summary>Input of the diagnostics pipeline, a self-test of the engine and its triggers.</summary>
public sealed record DiagnosticsRequest(
    int Steps = 3,
    int StepDelayMilliseconds = 0,
    int FanOut = 0,
    bool AwaitApproval = false,
    int ApprovalTimeoutSeconds = 3600) : IPipelineInput
{
    public const int MaxSteps = 100;
    public const int MaxFanOut = 1000;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (this.Steps is < 1 or > MaxSteps)
        {
            problems.Add($"steps must be between 1 and {MaxSteps}");
        }

        if (this.StepDelayMilliseconds is < 0 or > 60_000)
        {
            problems.Add("stepDelayMilliseconds must be between 0 and 60000");
        }

        if (this.FanOut is < 0 or > MaxFanOut)
        {
            problems.Add($"fanOut must be between 0 and {MaxFanOut}");
        }

        if (this.ApprovalTimeoutSeconds < 1)
        {
            problems.Add("approvalTimeoutSeconds must be positive");
        }

        return problems;
    }
}
