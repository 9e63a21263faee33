namespace MLOps.Core.Requirements;

/// <summary>The JSON Schema (draft 2020-12) of a spec, embedded so services can hand it to editors and clients.</summary>
public static class ProjectSpecSchema
{
    public const string ResourceName = "MLOps.Core.Requirements.project-spec.schema.json";

    private static readonly Lazy<string> Content = new(Load);

    public static string Text => Content.Value;

    private static string Load()
    {
        using Stream stream = typeof(ProjectSpecSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using StreamReader reader = new(stream);
        return reader.ReadToEnd();
    }
}
