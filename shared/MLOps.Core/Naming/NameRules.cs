using System.Text.RegularExpressions;
using MLOps.Core.Pipelines;
using MLOps.Core.Registry;
using MLOps.Core.Requirements;

namespace MLOps.Core.Naming;

/// <summary>
/// The one set of rules for the names callers give, wherever they arrive (route, query, body, event): each fits
/// every place the platform keeps it (Table keys of at most 1 KiB, blob names, instance ids, log lines), so no
/// name is refused late by storage as a 500, and none can split a log line (no control characters anywhere).
/// </summary>
public static partial class NameRules
{
    /// <summary>Run ids, entity keys, experiment and metric names, lineage ids: Table keys allow 512 UTF-16 characters escaped; half leaves room for escapes and prefixes.</summary>
    public const int MaxKeyLength = 256;

    /// <summary>Reasons and comments that go into audit records and Table properties (64 KiB at most).</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>Any other text in a route or query.</summary>
    public const int MaxTextLength = 256;

    public static NameRule Project { get; } = new(
        "must be a lower-case slug: letters, digits and single hyphens, starting with a letter, at most 63 characters", ProjectSpecValidator.IsValidName);

    /// <summary>A serving endpoint: a slug short enough that project, endpoint and deployment still make one worker model name.</summary>
    public static NameRule Endpoint { get; } = new(
        $"must be a lower-case slug: letters, digits and single hyphens, starting with a letter, at most {Serving.Endpoints.EndpointNames.MaxLength} characters",
        Serving.Endpoints.EndpointNames.IsValid);

    public static NameRule ModelName { get; } = new(
        "must be 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit", ModelAliases.IsValidModelName);

    public static NameRule Alias { get; } = new(
        "must be 1 to 63 lower-case letters, digits or '-', starting with a letter", ModelAliases.IsValid);

    /// <summary>Escaped for a Table key, '/', '\\', '#', '?' and '%' take three characters each, so they count three.</summary>
    public static NameRule Key { get; } = new(
        $"must be 1 to {MaxKeyLength} characters (/ \\ # ? and % count three), none of them a control character",
        v => v.Length > 0 && Storage.TableKeys.EscapedLength(v) <= MaxKeyLength && !HasControl(v));

    /// <summary>Kinds of things (lineage node kinds): a short name, so a kind and a key still fit one Table key together.</summary>
    public static NameRule Kind { get; } = new(
        "must be 1 to 64 letters or digits, starting with a letter", v => KindPattern().IsMatch(v));

    public static NameRule InstanceId { get; } = new(
        $"must be 1 to {InstanceIds.MaxLength} characters, none of them a control character or / \\ # ?", InstanceIds.IsValid);

    public static NameRule FeatureSetVersion { get; } = new(
        "must be a version number, 'latest' or a hash prefix (1 to 64 letters or digits)", v => FeatureSetVersionPattern().IsMatch(v));

    public static NameRule EventName { get; } = new(
        "must be 1 to 64 letters, digits, '_', '.' or '-', starting with a letter", v => EventNamePattern().IsMatch(v));

    public static NameRule PipelineName { get; } = new(
        "must be 1 to 63 lower-case letters, digits or '-', starting with a letter", v => PipelineNamePattern().IsMatch(v));

    /// <summary>A report and its format, such as <c>quality.html</c> or <c>card.md</c>.</summary>
    public static NameRule ReportName { get; } = new(
        "must be 1 to 64 letters, digits, '_', '.' or '-', starting with a letter (a report name and its extension)", v => EventNamePattern().IsMatch(v));

    /// <summary>A file landed over HTTP: the rule <see cref="Landing.LandingFileName"/> states.</summary>
    public static NameRule LandingFile { get; } = new(
        "must be 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit, without '..', ending in .csv or .parquet",
        v => Landing.LandingFileName.Problems(v).Count == 0);

    /// <summary>A model package's content address (<see cref="Packaging.PackageDigests"/>).</summary>
    public static NameRule PackageDigest { get; } = new(
        $"must be a package digest: {Packaging.PackageDigests.Length} lower-case hex digits", Packaging.PackageDigests.IsValid);

    /// <summary>Optional free text (reasons, comments): empty is fine, long or multi-line is not.</summary>
    public static NameRule Reason { get; } = new(
        $"must be at most {MaxReasonLength} characters, none of them a control character", v => v.Length <= MaxReasonLength && !HasControl(v));

    public static NameRule Text { get; } = new(
        $"must be at most {MaxTextLength} characters, none of them a control character", v => v.Length <= MaxTextLength && !HasControl(v));

    public static bool HasControl(string value) => value.Any(char.IsControl);

    [GeneratedRegex("^[A-Za-z0-9]{1,64}$")]
    private static partial Regex FeatureSetVersionPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex EventNamePattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,63}$")]
    private static partial Regex KindPattern();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}$")]
    private static partial Regex PipelineNamePattern();
}
