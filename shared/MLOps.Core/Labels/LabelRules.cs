using MLOps.Core.Naming;

namespace MLOps.Core.Labels;

/// <summary>
/// What a ground-truth label must be before it is stored, as <c>$.field: problem</c> lines a door can answer 400
/// with: a valid project and endpoint, exactly one of request id or key (a row index only with a request id), and a
/// label of at most <see cref="NameRules.MaxTextLength"/> characters without control characters.
/// </summary>
public static class LabelRules
{
    public static IReadOnlyList<string> Problems(GroundTruthLabel label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var problems = new List<string>();
        Add(problems, NameRules.Project.Problem("$.project", label.Project));
        Add(problems, NameRules.Endpoint.Problem("$.endpoint", label.Endpoint));
        if ((label.RequestId is null) == (label.Key is null))
        {
            problems.Add("$.requestId: name the prediction by requestId (with row for a multi-row request) or by key, exactly one of them");
        }
        else if (label.RequestId is not null)
        {
            Add(problems, NameRules.Key.Problem("$.requestId", label.RequestId));
        }
        else
        {
            Add(problems, NameRules.Key.Problem("$.key", label.Key));
        }

        if (label.Row is { } row && (row < 0 || label.RequestId is null))
        {
            problems.Add("$.row: must be a row index of 0 or more, given with a requestId");
        }

        if (string.IsNullOrEmpty(label.Label))
        {
            problems.Add("$.label: must not be empty");
        }
        else
        {
            Add(problems, NameRules.Text.Problem("$.label", label.Label));
        }

        return problems;
    }

    private static void Add(List<string> problems, string? problem)
    {
        if (problem is not null)
        {
            problems.Add(problem);
        }
    }
}
