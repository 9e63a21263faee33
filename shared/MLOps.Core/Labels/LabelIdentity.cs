using System.Globalization;

namespace MLOps.Core.Labels;

/// <summary>
/// A label's identity, which makes its write idempotent: <c>request:{requestId}:{row}</c> or <c>key:{key}</c>, within
/// its project and endpoint. The row is always the last segment, so a request id holding ':' stays unambiguous.
/// </summary>
public static class LabelIdentity
{
    public const string RequestPrefix = "request:";
    public const string KeyPrefix = "key:";

    public static string Of(GroundTruthLabel label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return label.RequestId is { } request
            ? string.Create(CultureInfo.InvariantCulture, $"{RequestPrefix}{request}:{label.Row ?? 0}")
            : KeyPrefix + (label.Key ?? throw new ArgumentException("A label names a request id or a key.", nameof(label)));
    }

    /// <summary>What the identity names, for messages: "request r1 row 2" or "key c-17".</summary>
    public static string Describe(GroundTruthLabel label) => label.RequestId is { } request
        ? string.Create(CultureInfo.InvariantCulture, $"request '{request}' row {label.Row ?? 0}")
        : $"key '{label.Key}'";
}
