using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace MLOps.Core.Landing;

/// <summary>A blob that arrived in the landing container, identified by name and ETag.</summary>
public sealed partial record LandingBlob(string Container, string Name, string ETag, long? Length = null)
{
    /// <summary>The project the blob belongs to: the first segment of its name.</summary>
    public string Project => this.Name.Split('/', 2)[0];

    /// <summary>
    /// Instance id of the data pipeline for exactly this version of this blob. A replayed storage event or a
    /// second delivery maps to the same id, so it starts nothing new; a new upload has a new ETag.
    /// </summary>
    public string PipelineInstanceId()
    {
        byte[] digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{this.Container}/{this.Name}|{this.ETag.Trim('"')}"));
        return $"data-{this.Project}-{Convert.ToHexStringLower(digest)[..24]}";
    }

    /// <summary>Every problem with the blob's name; empty when it may be ingested.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (this.Name.Any(char.IsControl))
        {
            problems.Add("blob name contains control characters");
        }

        string[] segments = this.Name.Split('/');
        if (segments.Any(s => s is ".." or "."))
        {
            problems.Add("blob name contains a '.' or '..' path segment");
        }

        if (segments.Length < 2 || segments.Any(s => s.Length == 0))
        {
            problems.Add("blob name must be '{project}/{file}' with no empty segments");
        }
        else if (!ProjectName().IsMatch(this.Project))
        {
            problems.Add($"project '{this.Project}' must be 1-63 lowercase letters, digits or '-'");
        }

        return problems;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex ProjectName();
}
