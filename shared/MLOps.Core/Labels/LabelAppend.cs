namespace MLOps.Core.Labels;

/// <summary>What an append did: stored the label, or found the same label already stored (a redelivery).</summary>
public enum LabelAppend
{
    Added,
    AlreadyPresent,
}
