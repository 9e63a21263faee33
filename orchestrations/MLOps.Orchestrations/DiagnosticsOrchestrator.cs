using Microsoft.DurableTask;
using MLOps.Activities.Diagnostics;
using MLOps.Core.Diagnostics;
using MLOps.Core.Pipelines;
using MLOps.Orchestrations.Platform;

namespace MLOps.Orchestrations;

/// <summary>
/// The platform's self-test: sequential steps, an optional fan-out/fan-in and an optional human approval,
/// reporting progress as it goes.
/// </summary>
public sealed class DiagnosticsOrchestrator : TaskOrchestrator<DiagnosticsRequest, DiagnosticsReport>
{
    public override Task<DiagnosticsReport> RunAsync(TaskOrchestrationContext context, DiagnosticsRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        DiagnosticsRequest request = input ?? new DiagnosticsRequest();
        return PipelineRun.RunAsync(context, PipelineNames.Diagnostics, () => RunStepsAsync(context, request));
    }

    private static async Task<DiagnosticsReport> RunStepsAsync(TaskOrchestrationContext context, DiagnosticsRequest request)
    {
        var hosts = new List<string>();
        for (int step = 1; step <= request.Steps; step++)
        {
            context.SetCustomStatus(new PipelineProgress("steps", step - 1, request.Steps));
            hosts.Add(await context.CallActivityAsync<string>(
                nameof(RunDiagnosticStepActivity), new DiagnosticStep(context.InstanceId, step, request.StepDelayMilliseconds)));
        }

        int fannedIn = 0;
        if (request.FanOut > 0)
        {
            context.SetCustomStatus(new PipelineProgress("fan-out", request.Steps, request.Steps, $"{request.FanOut} activities"));
            int[] results = await Task.WhenAll(Enumerable.Range(0, request.FanOut)
                .Select(i => context.CallActivityAsync<int>(nameof(EchoActivity), i)));
            fannedIn = results.Length;
        }

        Approval? approval = null;
        if (request.AwaitApproval)
        {
            context.SetCustomStatus(new PipelineProgress("awaiting-approval", request.Steps, request.Steps));
            try
            {
                approval = await context.WaitForExternalEvent<Approval>(
                    Approval.EventName, TimeSpan.FromSeconds(request.ApprovalTimeoutSeconds));
            }
            catch (TaskCanceledException ex)
            {
                throw new PipelineFailedException($"No '{Approval.EventName}' event arrived within {request.ApprovalTimeoutSeconds} s.", ex);
            }
        }

        context.SetCustomStatus(new PipelineProgress("completed", request.Steps, request.Steps));
        return new DiagnosticsReport(hosts.Count, fannedIn, approval, hosts);
    }
}
