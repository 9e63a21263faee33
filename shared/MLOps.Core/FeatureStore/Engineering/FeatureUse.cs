namespace MLOps.Core.FeatureStore.Engineering;

/// <summary>What became of one feature's source values in one encoded row.</summary>
public enum FeatureUse : byte
{
    /// <summary>A source value was missing, so a missing feature is expected.</summary>
    SourceMissing,

    /// <summary>The sources were present and the feature has a value (or an indicator set).</summary>
    Used,

    /// <summary>The sources were present but the feature came out missing, or in no category.</summary>
    Lost,
}
