using Microsoft.DurableTask.Worker;

namespace MLOps.DurableLocal;

/// <summary>
/// The worker options of the embedded engine. A type of its own because <c>UseBuildTarget&lt;TTarget, TOptions&gt;</c>
/// copies the builder's <see cref="DurableTaskWorkerOptions"/> into <typeparamref name="TOptions"/>; with the base
/// type itself that copy resolves itself forever.
/// </summary>
public sealed class EmbeddedWorkerOptions : DurableTaskWorkerOptions;
