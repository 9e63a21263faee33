namespace MLOps.Core.Projects;

/// <summary>A blob named by container and path, as pipelines pass data by reference.</summary>
public sealed record BlobReference(string Container, string Name)
{
    public override string ToString() => $"{this.Container}/{this.Name}";

    /// <summary>Parses <c>{container}/{path}</c>; null when the text has no container part.</summary>
    public static BlobReference? Parse(string? text)
    {
        int slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        return slash <= 0 || slash == text!.Length - 1 ? null : new BlobReference(text[..slash], text[(slash + 1)..]);
    }
}
