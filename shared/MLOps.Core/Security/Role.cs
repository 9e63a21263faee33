namespace MLOps.Core.Security;

/// <summary>The roles of the CAICT MLOps Practice Guide, plus model risk, administration and machine callers.</summary>
public enum Role
{
    Business,
    ProjectManager,
    MlArchitect,
    DataEngineer,
    DataScientist,
    SoftwareEngineer,
    TestEngineer,
    OperationsEngineer,
    ModelRiskAnalyst,
    Admin,

    /// <summary>Machine callers: timers, Event Grid deliveries, the platform's own event publisher.</summary>
    PlatformService,

    /// <summary>
    /// Business applications that call deployed models: they may score and follow their batch-scoring runs, and
    /// nothing else (no project data, no audit log), so an application's key leaks no more than its predictions.
    /// </summary>
    Application,
}
