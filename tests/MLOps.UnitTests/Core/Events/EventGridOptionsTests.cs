using Microsoft.Extensions.Configuration;
using MLOps.Core.Events;
using MLOps.Core.Integration.Builds;
using MLOps.Core.Pipelines;
using MLOps.Core.Registry;
using MLOps.Triggers.Launching;

namespace MLOps.UnitTests.Core.Events;

public sealed class EventGridOptionsTests
{
    [Fact]
    public void A_registered_model_version_starts_continuous_integration_beside_the_configured_routes()
    {
        EventGridOptions options = Bind(new() { ["EventGrid:Routes:MLOps.Diagnostics.Requested"] = "diagnostics" });

        Assert.Equal(PipelineNames.ContinuousIntegration, options.Routes[PlatformEventTypes.ModelRegistered]);
        Assert.Equal(PipelineNames.ContinuousDeployment, options.Routes[PlatformEventTypes.PackageBuilt]);
        Assert.Equal(PipelineNames.Diagnostics, options.Routes["MLOps.Diagnostics.Requested"]);
    }

    [Fact]
    public void Configuration_can_turn_the_route_off_or_send_the_event_elsewhere()
    {
        Assert.False(PipelineCatalog.Default.TryGet(Bind(new() { ["EventGrid:Routes:MLOps.Registry.ModelRegistered"] = string.Empty }).Routes[PlatformEventTypes.ModelRegistered], out _));
        Assert.Equal("diagnostics", Bind(new() { ["EventGrid:Routes:MLOps.Registry.ModelRegistered"] = "diagnostics" }).Routes[PlatformEventTypes.ModelRegistered]);
    }

    [Fact]
    public void The_registry_events_data_is_the_continuous_integration_input_as_the_event_grid_client_writes_it()
    {
        // EventGridEvent serialises its data with System.Text.Json's defaults: PascalCase names.
        string data = System.Text.Json.JsonSerializer.Serialize(new ModelRegisteredEvent("credit", "credit-model", 3));
        PipelineCatalog.Default.TryGet(PipelineNames.ContinuousIntegration, out PipelineDefinition? ci);

        object? input = PipelineInputParser.Parse(ci!, data, out IReadOnlyList<string> problems);

        Assert.Empty(problems);
        Assert.Equal(new ContinuousIntegrationRequest("credit", "credit-model", 3), input);
        Assert.Equal("""{"Project":"credit","Model":"credit-model","Version":3}""", data);
    }

    private static EventGridOptions Bind(Dictionary<string, string?> settings)
    {
        var options = new EventGridOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(EventGridOptions.SectionName).Bind(options);
        return options;
    }
}
