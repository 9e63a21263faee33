namespace MLOps.Core.Monitoring.Drift;

/// <summary>
/// One column of the reference and of the current window. Numeric values: null, NaN and ±∞ are missing (Evidently
/// drops infinities too); categorical values: null is missing, every other string (the empty one included) is a
/// category. Build with <see cref="Numeric"/> or <see cref="Categorical"/>.
/// </summary>
public sealed record DriftColumn
{
    private DriftColumn(string name, DriftFeatureKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Kind = kind;
    }

    public string Name { get; }

    public DriftFeatureKind Kind { get; }

    public IReadOnlyList<double?> ReferenceNumbers { get; private init; } = [];

    public IReadOnlyList<double?> CurrentNumbers { get; private init; } = [];

    public IReadOnlyList<string?> ReferenceLabels { get; private init; } = [];

    public IReadOnlyList<string?> CurrentLabels { get; private init; } = [];

    public long ReferenceRows => Kind == DriftFeatureKind.Numeric ? ReferenceNumbers.Count : ReferenceLabels.Count;

    public long CurrentRows => Kind == DriftFeatureKind.Numeric ? CurrentNumbers.Count : CurrentLabels.Count;

    public static DriftColumn Numeric(string name, IReadOnlyList<double?> reference, IReadOnlyList<double?> current) =>
        new(name, DriftFeatureKind.Numeric) { ReferenceNumbers = reference, CurrentNumbers = current };

    public static DriftColumn Numeric(string name, IReadOnlyList<double> reference, IReadOnlyList<double> current) =>
        Numeric(name, [.. reference.Select(v => (double?)v)], [.. current.Select(v => (double?)v)]);

    public static DriftColumn Categorical(string name, IReadOnlyList<string?> reference, IReadOnlyList<string?> current) =>
        new(name, DriftFeatureKind.Categorical) { ReferenceLabels = reference, CurrentLabels = current };
}
