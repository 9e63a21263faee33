using Microsoft.DurableTask;
using MLOps.Activities.Diagnostics;

namespace MLOps.Benchmarks;

/// <summary>Fans out <c>input</c> no-op <see cref="EchoActivity"/> calls at once and fans in their results.</summary>
public sealed class FanOutOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        // Each activity echoes 1, so the sum proves every result came back.
        int[] results = await Task.WhenAll(Enumerable.Range(0, input)
            .Select(_ => context.CallActivityAsync<int>(nameof(EchoActivity), 1)));
        return results.Sum();
    }
}

/// <summary>How many activities a <see cref="ChunkedFanOutOrchestrator"/> runs, in how many sub-orchestrations.</summary>
public sealed record ChunkedFanOut(int Activities, int Chunks);

/// <summary>
/// The same fan-out split into sub-orchestrations of <see cref="FanOutOrchestrator"/>: each child has a short
/// history of its own and lands on its own control-queue partition, and the parent only fans in the children.
/// </summary>
public sealed class ChunkedFanOutOrchestrator : TaskOrchestrator<ChunkedFanOut, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, ChunkedFanOut input)
    {
        ArgumentNullException.ThrowIfNull(input);
        int chunks = Math.Clamp(input.Chunks, 1, Math.Max(1, input.Activities));
        int[] results = await Task.WhenAll(Enumerable.Range(0, chunks).Select(i =>
        {
            // Spread the remainder over the first chunks; instance ids derive from the parent's, so replay is deterministic.
            int size = (input.Activities / chunks) + (i < input.Activities % chunks ? 1 : 0);
            return context.CallSubOrchestratorAsync<int>(
                nameof(FanOutOrchestrator), size, new TaskOptions().WithInstanceId($"{context.InstanceId}:{i}"));
        }));
        return results.Sum();
    }
}
