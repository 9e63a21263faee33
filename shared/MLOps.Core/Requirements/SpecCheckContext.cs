namespace MLOps.Core.Requirements;

/// <summary>
/// What the meaning checks share: the spec, the declared columns and the problem list. The spec may come from
/// a lenient read with required members missing, so the checks treat every member as possibly null.
/// </summary>
internal sealed class SpecCheckContext
{
    private readonly List<SpecProblem> problems;

    public SpecCheckContext(ProjectSpec spec, List<SpecProblem> problems)
    {
        this.Spec = spec;
        this.problems = problems;
        foreach ((ColumnRule rule, int index) in Each(spec.DataRules?.Columns))
        {
            if (!string.IsNullOrEmpty(rule.Name))
            {
                this.Columns.TryAdd(rule.Name, rule);
            }
        }
    }

    public ProjectSpec Spec { get; }

    /// <summary>Declared columns by name (first declaration wins; duplicates are reported separately).</summary>
    public Dictionary<string, ColumnRule> Columns { get; } = new(StringComparer.Ordinal);

    public static IEnumerable<(T Item, int Index)> Each<T>(IReadOnlyList<T>? items)
        where T : class =>
        (items ?? []).Select((item, index) => (item, index)).Where(x => x.item is not null);

    public void Add(string path, string message) => this.problems.Add(new SpecProblem(path, message));

    /// <summary>Reports a column reference that is not declared in <c>dataRules.columns</c>.</summary>
    public bool RequireDeclared(string? column, string path, string what)
    {
        if (string.IsNullOrWhiteSpace(column))
        {
            this.Add(path, $"{what} must name a column");
            return false;
        }

        if (!this.Columns.ContainsKey(column))
        {
            this.Add(path, $"{what} '{column}' is not declared in $.dataRules.columns");
            return false;
        }

        return true;
    }
}
