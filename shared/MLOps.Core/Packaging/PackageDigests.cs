namespace MLOps.Core.Packaging;

/// <summary>The form of a package digest: 64 lower-case hex digits (a SHA-256), checked at every door that takes one.</summary>
public static class PackageDigests
{
    public const int Length = 64;

    public static bool IsValid(string? digest) =>
        digest is { Length: Length } && digest.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    public static string Require(string? digest, string parameter = "digest") =>
        IsValid(digest) ? digest! : throw new ArgumentException($"'{digest}' is not a package digest (64 lower-case hex digits).", parameter);
}
