using System.Text.RegularExpressions;
using MLOps.Core.Experiments;

namespace MLOps.Core.Pipelines;

/// <summary>
/// Instance ids. Any id must fit the Durable backends (no control characters or / \ # ?, at most 256 characters;
/// <c>a/b</c> creates an instance that can never be read back over HTTP). An id a caller chooses
/// (<c>?instanceId=</c>) must also stay clear of the ids the platform derives itself, or a caller could squat a
/// run that has not started yet: the prefixes below and the search sub-orchestrations' <c>-{strategy}-{n}</c>.
/// Unit tests check that every derivation uses a reserved prefix, so the two cannot drift apart.
/// </summary>
public static partial class InstanceIds
{
    public const int MaxLength = 256;

    /// <summary>Room for the sub-orchestration suffixes within <see cref="MaxLength"/>.</summary>
    public const int MaxCallerLength = 100;

    public const string EventPrefix = "event-";
    public const string DataPrefix = "data-";
    public const string RequirementsPrefix = "requirements-";
    public const string SchedulePrefix = "schedule-";

    public static IReadOnlyList<string> ReservedPrefixes { get; } = [EventPrefix, DataPrefix, RequirementsPrefix, SchedulePrefix];

    private static readonly Regex SearchChunkSuffix = new(
        $"-({string.Join('|', Enum.GetNames<SearchStrategyKind>().Select(n => n.ToLowerInvariant()))})-[0-9]+$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>The id of one chunk of an experiment's search stage, a sub-orchestration of <paramref name="parent"/>.</summary>
    public static string SearchChunk(string parent, SearchStrategyKind strategy, int chunk) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{parent}-{strategy.ToString().ToLowerInvariant()}-{chunk}");

    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= MaxLength } && !id.Any(c => char.IsControl(c) || c is '/' or '\\' or '#' or '?');

    /// <summary>What is wrong with an id a caller chose, or null.</summary>
    public static string? CallerChosenProblem(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!CallerPattern().IsMatch(id))
        {
            return $"must be 1 to {MaxCallerLength} letters, digits, '_', '.' or '-', starting with a letter or digit";
        }

        if (ReservedPrefixes.FirstOrDefault(p => id.StartsWith(p, StringComparison.OrdinalIgnoreCase)) is { } prefix)
        {
            return $"must not start with '{prefix}': the platform names its own runs {string.Join(", ", ReservedPrefixes.Select(p => p + "…"))}";
        }

        return SearchChunkSuffix.IsMatch(id)
            ? "must not end like a search sub-orchestration ('-grid-0', '-bayesian-3', …)"
            : null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")]
    private static partial Regex CallerPattern();
}
