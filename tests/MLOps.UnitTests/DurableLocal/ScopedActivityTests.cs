using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MLOps.DurableLocal;

namespace MLOps.UnitTests.DurableLocal;

/// <summary>A failed activity leaves its exception, stack trace, name and instance id in the host log, and still fails.</summary>
public class ScopedActivityTests
{
    [Fact]
    public async Task A_failing_activity_is_logged_at_error_with_its_stack_trace_and_rethrown()
    {
        var captured = new CapturingProvider();
        await using ServiceProvider services = new ServiceCollection().AddLogging(b => b.AddProvider(captured)).BuildServiceProvider();
        var activity = new ScopedActivity(
            new TaskName("ExplodingActivity"),
            services,
            new SingleActivityFactory(new ExplodingActivity()),
            new DurableTaskShimFactory(new DurableTaskWorkerOptions(), services.GetRequiredService<ILoggerFactory>()));
        var context = new TaskContext(new OrchestrationInstance { InstanceId = "data-credit-0123", ExecutionId = "e1" });

        InvalidDataException thrown = await Assert.ThrowsAsync<InvalidDataException>(() => activity.RunAsync(context, "\"input\""));

        Entry entry = Assert.Single(captured.Entries, e => e.Level == LogLevel.Error);
        Assert.Same(thrown, entry.Exception);
        Assert.Contains(nameof(ExplodingActivity.Explode), entry.Exception!.StackTrace, StringComparison.Ordinal);
        Assert.Equal("Activity ExplodingActivity of instance data-credit-0123 failed.", entry.Message);
        Assert.Equal(typeof(ScopedActivity).FullName, entry.Category);
    }

    [Fact]
    public async Task A_succeeding_activity_logs_no_error()
    {
        var captured = new CapturingProvider();
        await using ServiceProvider services = new ServiceCollection().AddLogging(b => b.AddProvider(captured)).BuildServiceProvider();
        var activity = new ScopedActivity(
            new TaskName("Echo"), services, new SingleActivityFactory(new EchoingActivity()),
            new DurableTaskShimFactory(new DurableTaskWorkerOptions(), services.GetRequiredService<ILoggerFactory>()));

        string output = await activity.RunAsync(new TaskContext(new OrchestrationInstance { InstanceId = "i", ExecutionId = "e" }), "\"hi\"");

        Assert.Equal("\"hi\"", output);
        Assert.DoesNotContain(captured.Entries, e => e.Level >= LogLevel.Error);
    }

    private sealed class ExplodingActivity : Microsoft.DurableTask.TaskActivity<string, string>
    {
        public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult(Explode());

        public static string Explode() => throw new InvalidDataException("row 7 is not a number");
    }

    private sealed class EchoingActivity : Microsoft.DurableTask.TaskActivity<string, string>
    {
        public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult(input);
    }

    private sealed class SingleActivityFactory(ITaskActivity activity) : IDurableTaskFactory
    {
        public bool TryCreateActivity(TaskName name, IServiceProvider serviceProvider, [NotNullWhen(true)] out ITaskActivity? created)
        {
            created = activity;
            return true;
        }

        public bool TryCreateOrchestrator(TaskName name, IServiceProvider serviceProvider, [NotNullWhen(true)] out ITaskOrchestrator? orchestrator)
        {
            orchestrator = null;
            return false;
        }
    }

    private sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

    private sealed class CapturingProvider : ILoggerProvider
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this.Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception));
        }
    }
}
