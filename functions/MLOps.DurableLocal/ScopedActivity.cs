using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;

namespace MLOps.DurableLocal;

/// <summary>Runs one Microsoft.DurableTask activity in its own DI scope, as the Functions host does.</summary>
internal sealed class ScopedActivity(
    TaskName name, IServiceProvider services, IDurableTaskFactory factory, DurableTaskShimFactory shims) : TaskActivity
{
    public override string Run(TaskContext context, string input) =>
        throw new NotSupportedException("Activities run asynchronously.");

    public override async Task<string> RunAsync(TaskContext context, string input)
    {
        await using AsyncServiceScope scope = services.CreateAsyncScope();
        if (!factory.TryCreateActivity(name, scope.ServiceProvider, out ITaskActivity? activity))
        {
            throw new InvalidOperationException($"No activity named '{name}' is registered.");
        }

        return await shims.CreateActivity(name, activity).RunAsync(context, input);
    }
}
