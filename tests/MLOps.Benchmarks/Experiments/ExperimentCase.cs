using MLOps.Core.Experiments;

namespace MLOps.Benchmarks.Experiments;

/// <summary>One timed experiment: a search (<see cref="Group"/> names it, e.g. "random") run with a given maxParallel.</summary>
/// <param name="Group">The search both runs of a comparison share; the speed-up is computed within a group.</param>
/// <param name="Search">The stages; the same in both runs of a group so they propose the same trials.</param>
/// <param name="MaxParallel">1 runs the trials one after another; more fans each batch out.</param>
public sealed record ExperimentCase(string Group, IReadOnlyList<SearchStage> Search, int MaxParallel)
{
    public string Label => this.MaxParallel == 1 ? "sequential" : $"fanned out ({this.MaxParallel})";

    public int Trials => this.Search.Sum(s => s.Trials);
}
