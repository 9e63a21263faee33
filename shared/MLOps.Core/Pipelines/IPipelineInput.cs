namespace MLOps.Core.Pipelines;

/// <summary>A pipeline input that can say what is wrong with it before an orchestration is started.</summary>
public interface IPipelineInput : IValidatable
{
    /// <summary>
    /// The input with its requester set to the authenticated caller, for inputs that record one (who registered a
    /// model is who started its experiment, whatever the request body claimed).
    /// </summary>
    IPipelineInput ForCaller(string principal) => this;
}
