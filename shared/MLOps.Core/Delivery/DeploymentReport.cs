namespace MLOps.Core.Delivery;

/// <summary>The result of a continuous-deployment run: its outcome, the package, each step's gate verdict, the champion's move and a sentence.</summary>
public sealed record DeploymentReport(
    DeploymentOutcome Outcome,
    string Project,
    DeployedPackage Candidate,
    IReadOnlyList<string> Endpoints,
    IReadOnlyList<StepVerdict> Steps,
    int? ChampionBefore,
    int? ChampionAfter,
    string Detail);
