namespace MLOps.Core.Landing;

/// <summary>Where a landed file stands with its project's data pipeline.</summary>
public enum LandingState
{
    /// <summary>The project had no registered spec when the file landed; it runs once one is registered.</summary>
    Waiting,

    /// <summary>The data pipeline was started for it (see the file's instance id).</summary>
    Started,

    /// <summary>It waited, and a newer waiting file of the project was run instead; land it again to run it.</summary>
    Superseded,
}
