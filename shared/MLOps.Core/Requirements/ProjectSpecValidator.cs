using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MLOps.Core.Json;

namespace MLOps.Core.Requirements;

/// <summary>
/// Checks a project spec and reports every problem at once, each with the JSON path it is about, so an author
/// fixes a spec in one round rather than one error per attempt.
/// </summary>
public static partial class ProjectSpecValidator
{
    public static SpecValidationResult ValidateJson(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: JsonLimits.Document);
        }
        catch (JsonException e)
        {
            return Single(JsonLimits.Describe(e));
        }

        if (root is not JsonObject obj)
        {
            return Single("A project spec must be a JSON object.");
        }

        List<SpecProblem> shape = [];
        if (obj.TryGetPropertyValue("$schema", out JsonNode? schema) && schema?.GetValueKind() != JsonValueKind.String)
        {
            shape.Add(new SpecProblem("$['$schema']", "must be a string"));
        }

        obj.Remove("$schema");
        new JsonShapeChecker(ProjectSpecJson.Options, (path, message) => shape.Add(new SpecProblem(path, message))).CheckObject(obj, typeof(ProjectSpec), JsonPaths.Root);
        ProjectSpec spec;
        try
        {
            spec = obj.Deserialize<ProjectSpec>(ProjectSpecJson.Lenient)!;
        }
        catch (JsonException e)
        {
            // Not expected once the shape check has pruned what it rejected; report it rather than throw.
            return new SpecValidationResult(null, [.. shape, new SpecProblem(e.Path ?? JsonPaths.Root, "is not valid")]);
        }

        // A member the shape check rejected was removed and reads as null/default; checking its meaning would
        // only repeat the same problem in other words.
        List<SpecProblem> problems = [.. shape, .. Validate(spec).Where(p => !shape.Any(s => JsonPaths.Covers(s.Path, p.Path)))];
        return new SpecValidationResult(problems.Count == 0 ? spec : null, problems);
    }

    public static SpecValidationResult ValidateYaml(string yaml)
    {
        string json;
        try
        {
            json = YamlToJson.Convert(yaml);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            return Single($"Malformed YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}");
        }
        catch (InvalidDataException e)
        {
            return Single(e.Message);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet 18 throws this, without a position, for some truncated inputs (an unclosed flow collection at the end).
            return Single($"Malformed YAML: {e.Message}");
        }

        return ValidateJson(json);
    }

    /// <summary>The meaning checks on an already-read spec (ranges, consistency, references, governance).</summary>
    public static IReadOnlyList<SpecProblem> Validate(ProjectSpec spec)
    {
        List<SpecProblem> problems = [];
        SpecCheckContext context = new(spec, problems);
        CheckIdentity(context);
        AcceptanceChecks.Check(context);
        DataRuleChecks.Check(context);
        FeatureChecks.Check(context);
        HoldoutChecks.Check(context);
        RobustnessChecks.Check(context);
        GovernanceChecks.Check(context);
        DeploymentChecks.Check(context);
        return problems;
    }

    private static void CheckIdentity(SpecCheckContext context)
    {
        ProjectSpec spec = context.Spec;
        if (spec.Name is not null && !Slug().IsMatch(spec.Name))
        {
            context.Add("$.name", $"'{spec.Name}' is not a slug: lowercase letters, digits and single hyphens, starting with a letter, at most 63 characters");
        }

        if (spec.BusinessGoal is not null && string.IsNullOrWhiteSpace(spec.BusinessGoal))
        {
            context.Add("$.businessGoal", "must not be empty");
        }

        if (spec.EntityKey is { Generated: false } key)
        {
            context.RequireDeclared(key.Column, "$.entityKey.column", "Entity key");
        }
        else if (spec.EntityKey is { Generated: true } generated && string.IsNullOrWhiteSpace(generated.Column))
        {
            context.Add("$.entityKey.column", "must name the column ingestion will create");
        }

        if (spec.EventTime is not null && context.RequireDeclared(spec.EventTime, "$.eventTime", "Event time")
            && context.Columns[spec.EventTime].Type != ColumnType.DateTime)
        {
            context.Add("$.eventTime", $"column '{spec.EventTime}' must be declared with type DateTime");
        }
    }

    private static SpecValidationResult Single(string message) => new(null, [new SpecProblem(JsonPaths.Root, message)]);

    /// <summary>Whether <paramref name="name"/> is a valid project name (the slug every store and route uses).</summary>
    public static bool IsValidName(string? name) => name is not null && Slug().IsMatch(name);

    // 63 characters: the longest DNS label, so the slug can name storage containers and cloud resources.
    [GeneratedRegex("^(?=.{1,63}$)[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}
