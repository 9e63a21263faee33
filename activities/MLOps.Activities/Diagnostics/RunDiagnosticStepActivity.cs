using Microsoft.DurableTask;
using MLOps.Core.Diagnostics;

namespace MLOps.Activities.Diagnostics;

/// <summary>One diagnostics step: waits the requested time, then records that it ran and on which host.</summary>
public sealed class RunDiagnosticStepActivity(DiagnosticsLedger ledger, TimeProvider clock)
    : TaskActivity<DiagnosticStep, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, DiagnosticStep input)
    {
        if (input.DelayMilliseconds > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(input.DelayMilliseconds), clock);
        }

        return await ledger.RecordExecutionAsync(input);
    }
}
