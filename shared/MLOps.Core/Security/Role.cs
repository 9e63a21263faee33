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
}
