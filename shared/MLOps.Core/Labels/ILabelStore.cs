namespace MLOps.Core.Labels;

/// <summary>
/// The ground-truth labels of an endpoint's predictions. Appends are idempotent and write-once per
/// <see cref="LabelIdentity"/>: the same label again changes nothing, a different one is a
/// <see cref="LabelConflictException"/>, never an overwrite.
/// </summary>
public interface ILabelStore
{
    /// <exception cref="ArgumentException">The label breaks <see cref="LabelRules"/>.</exception>
    /// <exception cref="LabelConflictException">Another label is stored for the same prediction.</exception>
    Task<LabelAppend> AppendAsync(GroundTruthLabel label, CancellationToken cancellationToken = default);

    /// <summary>The endpoint's labels observed at <paramref name="from"/> or later and before <paramref name="to"/> (each bound optional).</summary>
    IAsyncEnumerable<GroundTruthLabel> ReadAsync(
        string project, string endpoint, DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default);
}
