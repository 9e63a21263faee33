using Microsoft.DurableTask;
using MLOps.Activities.Requirements;
using MLOps.Core.Pipelines;
using MLOps.Core.Projects;
using MLOps.Orchestrations.Platform;

namespace MLOps.Orchestrations;

/// <summary>
/// Pipeline 1 of the guide, requirements analysis: validate the spec (every problem at once), check it is
/// feasible on real data, write the design document, register the project's gates for the later pipelines.
/// </summary>
public sealed class RequirementsOrchestrator : TaskOrchestrator<RequirementsRequest, RequirementsReport>
{
    public override Task<RequirementsReport> RunAsync(TaskOrchestrationContext context, RequirementsRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return PipelineRun.RunAsync(context, PipelineNames.Requirements, async () =>
        {
            context.SetCustomStatus(new PipelineProgress("validate", 0, 4, input.SubmissionBlob));
            SpecReview review = await context.CallActivityAsync<SpecReview>(nameof(ReviewProjectSpecActivity), input, RetryPolicies.Platform);
            if (!review.IsValid)
            {
                throw new PipelineFailedException(
                    $"The spec has {review.Problems.Count} problem(s): {string.Join("; ", review.Problems.Select(p => p.ToString()))}");
            }

            context.SetCustomStatus(new PipelineProgress("feasibility", 1, 4, review.SpecBlob));
            BlobReference? sample = input.SampleContainer is { } container ? new BlobReference(container, input.SampleBlob!) : null;
            FeasibilitySummary feasibility = await context.CallActivityAsync<FeasibilitySummary>(
                nameof(CheckFeasibilityActivity), new FeasibilityRequest(input.Project, review.SpecBlob!, sample), RetryPolicies.Platform);
            if (!feasibility.Passed)
            {
                throw new PipelineFailedException(
                    $"The spec is not feasible on {feasibility.Sample} (report {feasibility.ReportBlob}): {string.Join("; ", feasibility.Blocking.Select(f => f.Message))}");
            }

            context.SetCustomStatus(new PipelineProgress("design", 2, 4, feasibility.ReportBlob));
            string design = await context.CallActivityAsync<string>(
                nameof(WriteDesignDocumentActivity), new DesignDocumentRequest(input.Project, review.SpecBlob!, feasibility.ReportBlob), RetryPolicies.Platform);

            context.SetCustomStatus(new PipelineProgress("register", 3, 4, design));
            ProjectRegistration registration = await context.CallActivityAsync<ProjectRegistration>(
                nameof(RegisterProjectActivity),
                new RegistrationRequest(input.Project, review.SpecBlob!, design, feasibility.ReportBlob, input.RequestedBy),
                RetryPolicies.Platform);
            context.SetCustomStatus(new PipelineProgress("completed", 4, 4, $"{registration.Project} v{registration.Version}"));
            return new RequirementsReport(
                registration.Project, registration.Version, registration.SpecSha256, registration.SpecBlob, design, feasibility);
        });
    }
}
