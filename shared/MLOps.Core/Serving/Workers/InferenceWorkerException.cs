using System.Net;

namespace MLOps.Core.Serving.Workers;

/// <summary>
/// A worker refused or could not answer a request: <see cref="Status"/> is the HTTP status it answered (null when it
/// did not answer at all) and <see cref="Error"/> the protocol's error text, e.g. why a package was refused.
/// </summary>
public sealed class InferenceWorkerException : Exception
{
    public InferenceWorkerException()
    {
        this.Error = string.Empty;
    }

    public InferenceWorkerException(string message)
        : base(message)
    {
        this.Error = message;
    }

    public InferenceWorkerException(string message, Exception innerException)
        : base(message, innerException)
    {
        this.Error = message;
    }

    public InferenceWorkerException(Uri? endpoint, HttpStatusCode? status, string error, Exception? innerException = null)
        : base(status is { } code ? $"Worker {endpoint} answered {(int)code}: {error}" : $"Worker {endpoint}: {error}", innerException)
    {
        this.Endpoint = endpoint;
        this.Status = status;
        this.Error = error;
    }

    public Uri? Endpoint { get; }

    public HttpStatusCode? Status { get; }

    public string Error { get; }
}
