namespace MLOps.Core.Pipelines;

/// <summary>A pipeline input that can say what is wrong with it before an orchestration is started.</summary>
public interface IPipelineInput
{
    /// <summary>Every problem found, each naming the field; empty when the input is valid.</summary>
    IReadOnlyList<string> Validate();
}
