using MLOps.Core.Experiments;
using MLOps.Core.Requirements;
using MLOps.Training.Trainers;

namespace MLOps.Training.Experiments;

/// <summary>
/// Which algorithms an experiment request names for a task (every algorithm of the task when it names none), and
/// whether its search spaces name algorithms of that task: the same rule at the door and in the planner.
/// </summary>
public static class ExperimentAlgorithms
{
    /// <summary>The algorithms, or null with every problem, each listing the valid names.</summary>
    public static IReadOnlyList<Algorithm>? Resolve(ExperimentRequest request, ModelTask task, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(request);
        string valid = string.Join(", ", AlgorithmTasks.For(task));
        var found = new List<string>();
        foreach (SearchSpace space in request.Spaces ?? [])
        {
            if (!Enum.TryParse(space.Algorithm, out Algorithm a) || !a.Supports(task))
            {
                found.Add($"spaces: the search space for '{space.Algorithm}' names no algorithm for {task}; choose from {valid}");
            }
        }

        var chosen = new List<Algorithm>();
        foreach (string name in request.Algorithms ?? [])
        {
            if (name is [var first, ..] && char.IsLetter(first) && Enum.TryParse(name, ignoreCase: true, out Algorithm algorithm) && algorithm.Supports(task))
            {
                chosen.Add(algorithm);
            }
            else
            {
                found.Add($"algorithms: '{name}' is not an algorithm for {task}; choose from {valid}");
            }
        }

        problems = found;
        return found.Count > 0 ? null : chosen.Count == 0 ? AlgorithmTasks.For(task) : chosen.Distinct().ToArray();
    }
}
