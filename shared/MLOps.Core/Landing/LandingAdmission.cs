namespace MLOps.Core.Landing;

/// <summary>Whether a landed file may start its data pipeline now; when not, the ledger entry that says why.</summary>
public sealed record LandingAdmission(bool Start, LandedFile? Held)
{
    public static LandingAdmission Admitted { get; } = new(true, null);
}
