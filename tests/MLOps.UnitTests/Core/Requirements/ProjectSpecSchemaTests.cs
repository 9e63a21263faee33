using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Json.Schema;
using MLOps.Core.Json;
using MLOps.Core.Requirements;

namespace MLOps.UnitTests.Core.Requirements;

public sealed class ProjectSpecSchemaTests
{
    private static readonly string SchemaFile = Path.Combine(TestPaths.RepositoryRoot, "shared", "MLOps.Core", "Requirements", "project-spec.schema.json");

    private static readonly JsonSchema Schema = JsonSchema.FromText(ProjectSpecSchema.Text);

    private static JsonObject SchemaNode => JsonNode.Parse(ProjectSpecSchema.Text)!.AsObject();

    [Theory]
    [InlineData("credit-scoring.json")]
    [InlineData("telecom-churn.json")]
    [InlineData("house-prices.json")]
    [InlineData("concrete-strength.json")]
    public void Example_specs_satisfy_the_schema(string file)
    {
        EvaluationResults results = Evaluate(JsonNode.Parse(File.ReadAllText(SpecFixtures.SpecPath(file))));

        Assert.True(results.IsValid, Describe(results));
    }

    [Fact]
    public void Canonical_output_satisfies_the_schema()
    {
        EvaluationResults results = Evaluate(JsonNode.Parse(ProjectSpecJson.Serialize(SpecFixtures.ChurnSpec)));

        Assert.True(results.IsValid, Describe(results));
    }

    [Theory]
    [InlineData("""{ "acceptance": { "metric": "Auc", "threshold": "0.8", "direction": ">=" } }""")]
    [InlineData("""{ "name": "Credit Scoring" }""")]
    [InlineData("""{ "riskTier": "Critical" }""")]
    [InlineData("""{ "owners": { "Boss": ["a@x"] } }""")]
    [InlineData("""{ "features": [{ "name": "x", "sources": ["Time"], "transform": { "kind": "Bucketise" } }] }""")]
    [InlineData("""{ "deployment": [{ "kind": "Canary", "trafficPercent": 10 }] }""")]
    [InlineData("""{ "unexpected": true }""")]
    public void The_schema_rejects_what_the_validator_rejects_by_shape(string patch)
    {
        JsonObject spec = SpecFixtures.CreditNode();
        foreach ((string key, JsonNode? value) in JsonNode.Parse(patch)!.AsObject())
        {
            spec[key] = value?.DeepClone();
        }

        Assert.False(Evaluate(spec).IsValid);
        Assert.False(SpecFixtures.Validate(spec).IsValid);
    }

    [Fact]
    public void The_schema_is_a_valid_draft_2020_12_schema()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)SchemaNode["$schema"]);
        EvaluationResults results = MetaSchemas.Draft202012.Evaluate(SchemaNode, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(results.IsValid, Describe(results));
    }

    [Fact]
    public void Embedded_schema_is_the_file_and_is_copied_beside_the_assembly()
    {
        string onDisk = File.ReadAllText(SchemaFile);

        Assert.Equal(onDisk, ProjectSpecSchema.Text);
        Assert.Equal(onDisk, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", "project-spec.schema.json")));
    }

    /// <summary>Every record, property, required member, nullability, enum and variant of the C# types is in the schema, and nothing else.</summary>
    [Fact]
    public void The_schema_agrees_with_the_csharp_types()
    {
        JsonObject root = SchemaNode;
        JsonObject defs = root["$defs"]!.AsObject();
        HashSet<Type> seen = [];
        Visit(typeof(ProjectSpec));
        Assert.Equal(defs.Select(d => d.Key).Order(), seen.Where(t => t != typeof(ProjectSpec)).Select(t => t.Name).Order());

        void Visit(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type == typeof(string) || type.IsPrimitive)
            {
                return;
            }

            JsonTypeInfo info = ProjectSpecJson.Options.GetTypeInfo(type);
            if (info.Kind is JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary)
            {
                if (info.KeyType is { } key)
                {
                    Visit(key);
                }

                Visit(info.ElementType!);
                return;
            }

            if (!seen.Add(type))
            {
                return;
            }

            if (info.Kind == JsonTypeInfoKind.None)
            {
                Assert.True(type.IsEnum, $"{type} is neither a record nor an enum");
                Assert.Equal(JsonEnumNames.Of(type), defs[type.Name]!["enum"]!.AsArray().Select(n => (string)n!));
                return;
            }

            if (info.PolymorphismOptions is not { } polymorphism)
            {
                CheckObject(type, type == typeof(ProjectSpec) ? root : defs[type.Name]!.AsObject(), null);
                info.Properties.ToList().ForEach(p => Visit(p.PropertyType));
                return;
            }

            Assert.Equal(
                polymorphism.DerivedTypes.Select(d => $"#/$defs/{d.DerivedType.Name}").Order(),
                defs[type.Name]!["oneOf"]!.AsArray().Select(n => (string)n!["$ref"]!).Order());
            foreach (JsonDerivedType derived in polymorphism.DerivedTypes)
            {
                seen.Add(derived.DerivedType);
                CheckObject(derived.DerivedType, defs[derived.DerivedType.Name]!.AsObject(), (string)derived.TypeDiscriminator!);
                ProjectSpecJson.Options.GetTypeInfo(derived.DerivedType).Properties.ToList().ForEach(p => Visit(p.PropertyType));
            }
        }
    }

    private static void CheckObject(Type type, JsonObject def, string? kind)
    {
        JsonPropertyInfo[] members = [.. ProjectSpecJson.Options.GetTypeInfo(type).Properties.Where(p => p.Get is not null || p.Set is not null)];
        JsonObject properties = def["properties"]!.AsObject();
        string[] extra = kind is null ? [] : ["kind"];
        Assert.Equal(
            members.Select(p => p.Name).Concat(extra).Order(),
            properties.Select(p => p.Key).Where(k => k != "$schema").Order());
        Assert.Equal(
            members.Where(p => p.IsRequired).Select(p => p.Name).Concat(extra).Order(),
            def["required"]!.AsArray().Select(n => (string)n!).Order());
        Assert.False((bool)def["additionalProperties"]!, $"{type.Name} must forbid additional properties");
        if (kind is not null)
        {
            Assert.Equal(kind, (string?)properties["kind"]!["const"]);
        }

        foreach (JsonPropertyInfo property in members)
        {
            JsonNode? schemaType = properties[property.Name]!["type"];
            bool allowsNull = schemaType is JsonArray types && types.Any(t => (string?)t == "null");
            Assert.True(property.IsSetNullable == allowsNull, $"{type.Name}.{property.Name}: nullable {property.IsSetNullable}, schema allows null {allowsNull}");
        }
    }

    private static EvaluationResults Evaluate(JsonNode? instance) =>
        Schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Describe(EvaluationResults results) =>
        string.Join(Environment.NewLine, results.Details.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));
}
