using System.Text.Json.Serialization;

namespace MLOps.Core.Requirements;

/// <summary>Whether a measured value must be at least or at most the threshold. Written as the operator in JSON.</summary>
public enum GateDirection
{
    [JsonStringEnumMemberName(">=")]
    AtLeast,

    [JsonStringEnumMemberName("<=")]
    AtMost,
}
