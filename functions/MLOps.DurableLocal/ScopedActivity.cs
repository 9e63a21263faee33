using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MLOps.DurableLocal;

/// <summary>
/// Runs one Microsoft.DurableTask activity in its own DI scope, as the Functions host does. A failure is logged here
/// with its stack trace, the activity's name and the instance id: DTFx turns the exception into failure details for
/// the orchestrator (type and message only reach a caller) and would otherwise leave no trace of where it came from.
/// </summary>
internal sealed partial class ScopedActivity(
    TaskName name, IServiceProvider services, IDurableTaskFactory factory, DurableTaskShimFactory shims) : TaskActivity
{
    public override string Run(TaskContext context, string input) =>
        throw new NotSupportedException("Activities run asynchronously.");

    public override async Task<string> RunAsync(TaskContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await using AsyncServiceScope scope = services.CreateAsyncScope();
            if (!factory.TryCreateActivity(name, scope.ServiceProvider, out ITaskActivity? activity))
            {
                throw new InvalidOperationException($"No activity named '{name}' is registered.");
            }

            return await shims.CreateActivity(name, activity).RunAsync(context, input);
        }
        catch (Exception ex)
        {
            ILogger logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<ScopedActivity>();
            LogFailure(logger, ex, name.Name, context.OrchestrationInstance?.InstanceId ?? "(unknown)");
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Activity {Activity} of instance {InstanceId} failed.")]
    private static partial void LogFailure(ILogger logger, Exception exception, string activity, string instanceId);
}
