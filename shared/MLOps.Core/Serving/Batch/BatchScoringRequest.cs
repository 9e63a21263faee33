using MLOps.Core.Naming;
using MLOps.Core.Pipelines;
using MLOps.Core.Projects;
using MLOps.Core.Serving.Endpoints;
using MLOps.Core.Storage;

namespace MLOps.Core.Serving.Batch;

/// <summary>
/// Input of the batch-scoring pipeline: score <see cref="Input"/> — a CSV or Parquet file of raw records in the
/// project's own data, <c>landing/{project}/…</c> or <c>samples/{project}/…</c> — with the deployment the
/// endpoint routes to when the run starts.
/// </summary>
public sealed record BatchScoringRequest(string Project = "", string Endpoint = "", string Input = "", string? RequestedBy = null) : IPipelineInput
{
    public IPipelineInput ForCaller(string principal) => this with { RequestedBy = principal };

    public BlobReference? InputBlob => BlobReference.Parse(this.Input);

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (NameRules.Project.Problem("project", this.Project) is { } project)
        {
            problems.Add(project);
        }

        if (NameRules.Endpoint.Problem("endpoint", this.Endpoint) is { } endpoint)
        {
            problems.Add(endpoint);
        }

        if (this.InputBlob is not { } input)
        {
            problems.Add("input must name a blob as {container}/{project}/{file}, e.g. landing/credit-scoring/applications.csv");
            return problems;
        }

        if (!BlobContainers.Data.Contains(input.Container))
        {
            problems.Add($"input must be in the {string.Join(" or ", BlobContainers.Data)} container, not '{input.Container}'");
        }

        string[] segments = input.Name.Split('/');
        if (segments.Length < 2 || segments[0] != this.Project || segments.Any(s => s is "" or "." or "..") || input.Name.Length > 1024 || NameRules.HasControl(input.Name))
        {
            problems.Add($"input must name a file under the project's folder '{this.Project}/' (no empty, '.' or '..' segments, no control characters)");
        }
        else if (!input.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !input.Name.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("input must be a .csv or .parquet file");
        }

        return problems;
    }
}
