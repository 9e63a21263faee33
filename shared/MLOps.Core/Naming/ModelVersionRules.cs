namespace MLOps.Core.Naming;

/// <summary>The one check of a (project, model, version) reference that several pipeline inputs carry.</summary>
public static class ModelVersionRules
{
    public static IReadOnlyList<string> Problems(string project, string model, int version)
    {
        var problems = new List<string>();
        if (NameRules.Project.Problem("project", project) is { } badProject)
        {
            problems.Add(badProject);
        }

        if (NameRules.ModelName.Problem("model", model) is { } badModel)
        {
            problems.Add(badModel);
        }

        if (version < 1)
        {
            problems.Add("version: must be a version number from 1");
        }

        return problems;
    }
}
