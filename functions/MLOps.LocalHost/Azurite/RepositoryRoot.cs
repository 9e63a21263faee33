namespace MLOps.LocalHost.Azurite;

/// <summary>Finds the repository root (the folder holding MLOps.Functions.sln) from the running binary.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MLOps.Functions.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (MLOps.Functions.sln) above the application.");
    }
}
