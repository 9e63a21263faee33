namespace MLOps.Core.Delivery;

/// <summary>How a continuous-deployment run that did not fail ended (a rolled-back run fails, naming why).</summary>
public enum DeploymentOutcome
{
    /// <summary>The package serves every endpoint alone and its version is champion.</summary>
    Promoted,

    /// <summary>Every endpoint is back on its previous deployment alone: a shadow that only compared, or an A/B test the new package did not win.</summary>
    Discarded,

    /// <summary>Nothing to do: the package already served every endpoint alone and its version was champion.</summary>
    AlreadyLive,
}
