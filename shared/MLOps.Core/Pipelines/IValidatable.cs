namespace MLOps.Core.Pipelines;

/// <summary>A contract that can say what is wrong with it once read, each problem naming its field.</summary>
public interface IValidatable
{
    /// <summary>Every problem found, each naming the field; empty when the value is valid.</summary>
    IReadOnlyList<string> Validate();
}
