namespace MLOps.Core.Integration.Security;

/// <summary>
/// How an external-data location can reach outside the package: ONNX says it is a POSIX path relative to the model's
/// directory, but runtimes on Windows also accept backslashes and drive letters, so both separators count.
/// </summary>
internal static class ExternalPaths
{
    private static readonly char[] Separators = ['/', '\\'];

    /// <summary>Rooted ("/etc/passwd", "\\server\share"), a drive ("C:…") or any scheme ("file:…").</summary>
    public static bool IsAbsolute(string location) =>
        location.Length > 0 && (Array.IndexOf(Separators, location[0]) >= 0 || location.Contains(':', StringComparison.Ordinal));

    /// <summary>Walks the segments: ".." below the starting directory escapes ("a/../../b" does, "a/../b" does not).</summary>
    public static bool Escapes(string location)
    {
        int depth = 0;
        foreach (string segment in location.Split(Separators))
        {
            if (segment == "..")
            {
                if (--depth < 0)
                {
                    return true;
                }
            }
            else if (segment.Length > 0 && segment != ".")
            {
                depth++;
            }
        }

        return false;
    }
}
