using System.Text.Json.Nodes;

namespace MLOps.Core.Serving.Scoring;

/// <summary>
/// A score request as read at the door: <see cref="Rows"/> (each record's values as text, as a landed file holds
/// them; JSON null is an empty, missing value) or <see cref="Keys"/>, and <see cref="Inputs"/>, the request's
/// array exactly as sent, which the request log keeps.
/// </summary>
public sealed record ScoreRequest(
    ScoreInputKind Kind,
    IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows,
    IReadOnlyList<string> Keys,
    JsonArray Inputs)
{
    public int Count => this.Kind == ScoreInputKind.Rows ? this.Rows.Count : this.Keys.Count;
}
