using System.Globalization;
using MLOps.Core.Delivery.Gates;
using MLOps.Core.Naming;
using MLOps.Core.Pipelines;

namespace MLOps.Core.Delivery;

/// <summary>
/// Input of the continuous-deployment pipeline (<c>POST /api/pipelines/cd</c>, or built from <c>PackageBuilt</c>):
/// the package to roll out, by <see cref="Package"/> digest or by <see cref="Model"/> and <see cref="Version"/> (its
/// built package), onto <see cref="Endpoint"/> of the project, with <see cref="Strategy"/> (null: the project spec's
/// first deployment preference), then optionally onto <see cref="PromoteTo"/> (staging → production) with the same
/// strategy. <see cref="Gates"/> overrides the gate bounds (the latency bound defaults to the spec's p95 budget).
/// Approval waits (when the project's risk tier needs one) escalate after <see cref="ApprovalEscalationSeconds"/> and
/// abort the run after <see cref="ApprovalDeadlineSeconds"/>. Runs on the same endpoint never overlap.
/// </summary>
public sealed record DeploymentRequest(
    string Project = "",
    string? Package = null,
    string? Model = null,
    int? Version = null,
    string Endpoint = "",
    RolloutStrategy? Strategy = null,
    string? PromoteTo = null,
    GateBounds? Gates = null,
    int? ApprovalEscalationSeconds = null,
    int? ApprovalDeadlineSeconds = null,
    int MaxBakeExtensions = RolloutDefaults.MaxBakeExtensions,
    string? RequestedBy = null,
    string? Source = null) : IExclusivePipelineInput
{
    public int Escalation => this.ApprovalEscalationSeconds ?? RolloutDefaults.ApprovalEscalationSeconds;

    public int Deadline => this.ApprovalDeadlineSeconds ?? Math.Max(RolloutDefaults.ApprovalDeadlineSeconds, this.Escalation);

    /// <summary>The endpoints the run changes, in order.</summary>
    public IReadOnlyList<string> Endpoints => this.PromoteTo is null ? [this.Endpoint] : [this.Endpoint, this.PromoteTo];

    public IReadOnlyList<string> Resources => [.. this.Endpoints.Select(e => ResourceOf(this.Project, e))];

    public static string ResourceOf(string project, string endpoint) => $"{project}/endpoints/{endpoint}";

    public IPipelineInput ForCaller(string principal) => this with { RequestedBy = principal };

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Add(problems, NameRules.Project.Problem("project", this.Project));
        this.CheckPackage(problems);
        Add(problems, NameRules.Endpoint.Problem("endpoint", this.Endpoint));
        if (this.PromoteTo is { } next)
        {
            Add(problems, NameRules.Endpoint.Problem("promoteTo", next));
            if (next == this.Endpoint)
            {
                problems.Add("promoteTo: must be another endpoint than endpoint (e.g. staging, then production)");
            }
        }

        problems.AddRange(this.Strategy?.Validate() ?? []);
        problems.AddRange(this.Gates is null ? [] : GateBoundsRules.Problems(this.Gates));
        Seconds(problems, "approvalEscalationSeconds", this.ApprovalEscalationSeconds);
        Seconds(problems, "approvalDeadlineSeconds", this.ApprovalDeadlineSeconds);
        if (this.ApprovalEscalationSeconds is { } escalation && this.ApprovalDeadlineSeconds is { } deadline && deadline < escalation)
        {
            problems.Add("approvalDeadlineSeconds: must not be before approvalEscalationSeconds (the deadline ends the wait that the escalation only reports)");
        }

        if (this.MaxBakeExtensions is < 0 or > RolloutDefaults.MaxBakeExtensionsLimit)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"maxBakeExtensions: must be from 0 to {RolloutDefaults.MaxBakeExtensionsLimit}"));
        }

        Add(problems, this.Source is null ? null : NameRules.Reason.Problem("source", this.Source));
        return problems;
    }

    private void CheckPackage(List<string> problems)
    {
        bool byVersion = this.Model is not null || this.Version is not null;
        if (this.Package is not null && byVersion)
        {
            problems.Add("package: give either package (a digest) or model and version, not both");
        }
        else if (this.Package is { } digest)
        {
            Add(problems, NameRules.PackageDigest.Problem("package", digest));
        }
        else if (!byVersion)
        {
            problems.Add("package: is required (a package digest), unless model and version name the registered version whose built package to deploy");
        }
        else
        {
            Add(problems, this.Model is null ? "model: is required with version" : NameRules.ModelName.Problem("model", this.Model));
            Add(problems, this.Version is null ? "version: is required with model" : this.Version < 1 ? "version: must be a version number from 1" : null);
        }
    }

    private static void Seconds(List<string> problems, string field, int? value)
    {
        if (value is < 1 || value > RolloutDefaults.MaxLongSeconds)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{field}: must be from 1 to {RolloutDefaults.MaxLongSeconds} seconds"));
        }
    }

    private static void Add(List<string> problems, string? problem)
    {
        if (problem is not null)
        {
            problems.Add(problem);
        }
    }
}
