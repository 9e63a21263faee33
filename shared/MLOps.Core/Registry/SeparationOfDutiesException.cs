namespace MLOps.Core.Registry;

/// <summary>The policy demands independent validation, and the approver is the version's author.</summary>
public sealed class SeparationOfDutiesException : InvalidOperationException
{
    public SeparationOfDutiesException()
    {
    }

    public SeparationOfDutiesException(string message)
        : base(message)
    {
    }

    public SeparationOfDutiesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
