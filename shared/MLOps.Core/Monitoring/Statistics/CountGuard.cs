namespace MLOps.Core.Monitoring.Statistics;

/// <summary>Checks shared by the tests on category counts and shares.</summary>
internal static class CountGuard
{
    public static void Aligned(IReadOnlyList<long> reference, IReadOnlyList<long> current)
    {
        if (reference.Count != current.Count)
        {
            throw new ArgumentException(
                $"The reference has {reference.Count} categories but the current window {current.Count}; align them first.",
                nameof(current));
        }

        if (reference.Any(c => c < 0) || current.Any(c => c < 0))
        {
            throw new ArgumentException("Category counts cannot be negative.", nameof(current));
        }

        if (reference.Sum() <= 0 || current.Sum() <= 0)
        {
            throw new ArgumentException("Both samples need at least one counted value.", nameof(current));
        }
    }

    public static void Shares(IReadOnlyList<double> reference, IReadOnlyList<double> current)
    {
        if (reference.Count != current.Count || reference.Count == 0)
        {
            throw new ArgumentException(
                $"The reference has {reference.Count} shares but the current window {current.Count}; align them first.",
                nameof(current));
        }

        if (reference.Any(s => !(s >= 0) || double.IsInfinity(s)) || current.Any(s => !(s >= 0) || double.IsInfinity(s)))
        {
            throw new ArgumentException("Shares must be finite and non-negative.", nameof(current));
        }
    }
}
