namespace MLOps.Core.Tracking;

/// <summary>A run query named a metric or parameter that none of the runs it searched has; <see cref="Known"/> are the ones they have.</summary>
public sealed class UnknownRunValueException : Exception
{
    public UnknownRunValueException()
    {
    }

    public UnknownRunValueException(string message)
        : base(message)
    {
    }

    public UnknownRunValueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UnknownRunValueException(string name, string field, IReadOnlyList<string> known)
        : base($"No run has '{name}'; known names: {(known.Count == 0 ? "(none)" : string.Join(", ", known))}.")
    {
        this.Name = name;
        this.Field = field;
        this.Known = known;
    }

    public string Name { get; } = string.Empty;

    /// <summary>The <see cref="RunFilter"/> property that named it: <c>Metric</c> or <c>OrderBy</c>.</summary>
    public string Field { get; } = string.Empty;

    public IReadOnlyList<string> Known { get; } = [];
}
