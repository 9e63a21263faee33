using MLOps.Core.Naming;
using MLOps.Core.Pipelines;

namespace MLOps.Core.Packaging;

/// <summary>Which registered model version to package.</summary>
public sealed record BuildPackageRequest(string Project, string Model, int Version) : IValidatable
{
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (NameRules.Project.Problem("project", this.Project) is { } project)
        {
            problems.Add(project);
        }

        if (NameRules.ModelName.Problem("model", this.Model) is { } model)
        {
            problems.Add(model);
        }

        if (this.Version < 1)
        {
            problems.Add("version: must be a version number from 1");
        }

        return problems;
    }
}
