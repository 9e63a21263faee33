using System.Text.Json.Nodes;

namespace MLOps.Infra.Tests;

/// <summary>Reads the ARM JSON bicep produces: resources of both template language versions, nested module deployments included.</summary>
public static class ArmTemplate
{
    /// <summary>Every resource the template deploys (not <c>existing</c> references), at any nesting depth.</summary>
    public static IReadOnlyList<JsonObject> DeployedResources(JsonNode template)
    {
        var found = new List<JsonObject>();
        Collect(template, found);
        return found;
    }

    public static string TypeOf(JsonObject resource) => resource["type"]!.GetValue<string>();

    private static void Collect(JsonNode? template, List<JsonObject> found)
    {
        // languageVersion 2.0 keeps resources in an object keyed by symbolic name; 1.0 in an array.
        IEnumerable<JsonNode?> resources = template?["resources"] switch
        {
            JsonArray array => array,
            JsonObject map => map.Select(pair => pair.Value),
            _ => [],
        };

        foreach (JsonObject resource in resources.OfType<JsonObject>())
        {
            if (resource["existing"]?.GetValue<bool>() == true)
            {
                continue;
            }

            found.Add(resource);
            if (resource["properties"] is JsonObject properties && TypeOf(resource) == "Microsoft.Resources/deployments")
            {
                Collect(properties["template"], found);
            }
        }
    }
}
