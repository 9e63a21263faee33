namespace MLOps.Core.Delivery;

/// <summary>
/// A deployment the platform will not carry out as asked (a package that did not pass continuous integration, a
/// shadow with nothing live to compare against, …). Retrying cannot help, so activities throwing it are not retried.
/// </summary>
public sealed class DeploymentRefusedException : InvalidOperationException
{
    public DeploymentRefusedException()
    {
    }

    public DeploymentRefusedException(string message)
        : base(message)
    {
    }

    public DeploymentRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The request field the refusal is about (<c>package</c>, <c>strategy</c>, …), so the door can name it.</summary>
    public string? Field { get; init; }

    public static DeploymentRefusedException For(string field, string message, Exception? innerException = null) =>
        innerException is null ? new(message) { Field = field } : new(message, innerException) { Field = field };
}
