using Microsoft.DurableTask;

namespace MLOps.Activities.Diagnostics;

/// <summary>Returns its input: the unit of work of fan-out diagnostics and engine benchmarks.</summary>
public sealed class EchoActivity : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input);
}
