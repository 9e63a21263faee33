using System.Text.RegularExpressions;

namespace MLOps.Core.Serving.Endpoints;

/// <summary>
/// Endpoint names: lower-case slugs of at most <see cref="MaxLength"/> characters, so that
/// <c>{project}.{endpoint}.{deployment}</c> (at most 63 + 1 + 40 + 1 + 14 characters) stays within the 128 characters
/// a worker model name may have.
/// </summary>
public static partial class EndpointNames
{
    public const int MaxLength = 40;

    public static bool IsValid(string? name) => name is not null && Slug().IsMatch(name);

    [GeneratedRegex("^(?=.{1,40}$)[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}
