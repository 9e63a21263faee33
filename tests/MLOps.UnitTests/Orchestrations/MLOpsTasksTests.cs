using System.Collections;
using System.Reflection;
using Microsoft.DurableTask;
using MLOps.Core.Pipelines;
using MLOps.Orchestrations;

namespace MLOps.UnitTests.Orchestrations;

public class MLOpsTasksTests
{
    [Fact]
    public void Every_pipeline_in_the_catalog_has_its_orchestrator_registered()
    {
        var registry = new DurableTaskRegistry();
        MLOpsTasks.Register(registry);

        // The registry exposes no public listing; its name-keyed map is read as the worker's factory reads it.
        var orchestrators = (IEnumerable)typeof(DurableTaskRegistry)
            .GetProperty("Orchestrators", BindingFlags.Instance | BindingFlags.NonPublic)!
            .GetValue(registry)!;
        var names = orchestrators.Cast<object>()
            .Select(entry => entry.GetType().GetProperty("Key")!.GetValue(entry)!)
            .Select(key => key.GetType().GetProperty("Name")?.GetValue(key)?.ToString() ?? key.ToString())
            .ToHashSet();

        Assert.All(PipelineCatalog.Default.All, p => Assert.Contains(p.Orchestrator, names));
    }
}
