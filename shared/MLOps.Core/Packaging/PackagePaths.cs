namespace MLOps.Core.Packaging;

/// <summary>
/// The rule a path inside a package obeys, checked when a manifest is written and again when it is read: relative,
/// forward slashes, no empty, "." or ".." segment, no control characters — so no file can name anything outside
/// its package, wherever the package is unpacked.
/// </summary>
public static class PackagePaths
{
    public const int MaxLength = 256;

    public static bool IsValid(string? path)
    {
        if (string.IsNullOrEmpty(path) || path.Length > MaxLength || path[0] == '/' || path.Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (string segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == ".." || segment.Any(c => char.IsControl(c) || c == ':'))
            {
                return false;
            }
        }

        return true;
    }
}
