namespace MLOps.Core.Delivery.AbTesting;

/// <summary>Joins the window's logged predictions of both arms to their ground-truth labels and decides the test.</summary>
public interface IAbJudge
{
    Task<AbDecision> JudgeAsync(AbWindow window, AbSettings settings, CancellationToken cancellationToken = default);
}
