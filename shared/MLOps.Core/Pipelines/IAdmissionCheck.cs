namespace MLOps.Core.Pipelines;

/// <summary>
/// The door checks of one pipeline input that need the platform's state (is the project registered, does the
/// feature set exist, does the algorithm serve the project's task), run before a run is queued so a caller gets
/// a 400 listing what is wrong instead of a 202 and a run that fails later. The pipeline's own steps check again:
/// state can change between the door and the run.
/// </summary>
public interface IAdmissionCheck
{
    Type InputType { get; }

    /// <summary>Every problem found, each naming the field and, where there is a short list, the valid values.</summary>
    Task<IReadOnlyList<string>> CheckAsync(object input, CancellationToken cancellationToken = default);
}
