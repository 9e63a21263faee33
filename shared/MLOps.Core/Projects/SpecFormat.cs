namespace MLOps.Core.Projects;

/// <summary>The notations a project spec may be submitted in; the stored, canonical form is always JSON.</summary>
public enum SpecFormat
{
    Json,
    Yaml,
}
