namespace MLOps.Core.Serving.Scoring;

/// <summary>What a score request sends: raw records as landed, or entity keys whose features the online store holds.</summary>
public enum ScoreInputKind
{
    Rows,
    Keys,
}
