using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MLOps.Core;
using MLOps.Core.Integration;
using MLOps.Core.Integration.Security;
using MLOps.Core.Requirements;
using MLOps.UnitTests.Core.Requirements;

namespace MLOps.UnitTests.Core.Integration;

public sealed class IntegrationCheckOptionsTests
{
    [Fact]
    public void The_defaults_are_the_documented_ones_and_valid()
    {
        var options = new IntegrationCheckOptions();

        Assert.Empty(options.Validate());
        Assert.Equal((1e-5, 1e-5, 1e-6), (options.ParityAbsoluteBound, options.ParityRelativeBound, options.SkewBound));
        Assert.Equal((null, 0.0), (options.ChampionMinAbsoluteChange, options.ChampionMinRelativeChange));
        Assert.Equal((0.1, 30), (options.FairnessMaxDifference, options.FairnessMinGroupRows));
        Assert.Equal((0.01, 0.05, 20), (options.RobustnessNoiseScale, options.RobustnessMaxFlipShare, options.LatencyMinSamples));
        Assert.Equal((200, 5), (options.LatencySamples, options.LatencyWarmupRequests));
        Assert.Equal((7L, 21L, 1L, 5L), (options.Onnx.MinOnnxOpset, options.Onnx.MaxOnnxOpset, options.Onnx.MinOnnxMlOpset, options.Onnx.MaxOnnxMlOpset));
        Assert.Equal(["", "ai.onnx", "ai.onnx.ml"], options.Onnx.AllowedDomains);
    }

    [Fact]
    public void Each_bad_setting_is_named()
    {
        var options = new IntegrationCheckOptions
        {
            ParityAbsoluteBound = -1,
            SkewBound = double.NaN,
            ChampionMinAbsoluteChange = 0,
            ChampionMinRelativeChange = 2,
            FairnessMaxDifference = 1.5,
            FairnessMinGroupRows = 0,
            RobustnessNoiseScale = 0,
            RobustnessMaxFlipShare = -0.1,
            LatencyMinSamples = 0,
            LatencySamples = -1,
            LatencyWarmupRequests = -1,
            Onnx = new OnnxScanOptions { MaxBytes = 0, MinOnnxOpset = 22 },
        };

        IReadOnlyList<string> problems = options.Validate();

        foreach (string setting in new[]
        {
            "ParityAbsoluteBound", "SkewBound", "ChampionMinAbsoluteChange", "ChampionMinRelativeChange", "FairnessMaxDifference",
            "FairnessMinGroupRows", "RobustnessNoiseScale", "RobustnessMaxFlipShare", "LatencyMinSamples", "LatencySamples", "LatencyWarmupRequests", "Onnx.MaxBytes", "Onnx opset range 22..21",
        })
        {
            Assert.Contains(problems, p => p.StartsWith(setting, StringComparison.Ordinal));
        }

        Assert.Equal(13, problems.Count);
    }

    [Fact]
    public void The_spec_bounds_override_the_defaults()
    {
        var options = new IntegrationCheckOptions();
        ProjectSpec plain = SpecFixtures.CreditSpec;
        ProjectSpec own = plain with { Robustness = new RobustnessSpec { NoiseScale = 0.05 } };

        Assert.Equal(0.1, options.FairnessBoundFor(new SensitiveAttribute { Column = "Age" }));
        Assert.Equal(0.02, options.FairnessBoundFor(new SensitiveAttribute { Column = "Age", MaxDifference = 0.02 }));
        Assert.Equal((0.01, 0.05), (options.RobustnessNoiseScaleFor(plain.Robustness), options.RobustnessMaxFlipShareFor(plain.Robustness)));
        Assert.Equal((0.05, 0.05), (options.RobustnessNoiseScaleFor(own.Robustness), options.RobustnessMaxFlipShareFor(own.Robustness)));
        Assert.Equal(own.Robustness, ProjectGates.From(own).Robustness);
    }

    [Fact]
    public void The_options_bind_from_their_section_and_bad_values_are_refused_by_name()
    {
        static IntegrationCheckOptions Read(Dictionary<string, string?> settings) => new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddMLOpsCore()
            .BuildServiceProvider()
            .GetRequiredService<IOptions<IntegrationCheckOptions>>().Value;

        IntegrationCheckOptions bound = Read(new() { ["IntegrationChecks:FairnessMaxDifference"] = "0.05", ["IntegrationChecks:Onnx:MaxOnnxOpset"] = "23" });
        OptionsValidationException refused = Assert.Throws<OptionsValidationException>(() => Read(new() { ["IntegrationChecks:RobustnessMaxFlipShare"] = "1.5" }));

        Assert.Equal((0.05, 23L, 0.01), (bound.FairnessMaxDifference, bound.Onnx.MaxOnnxOpset, bound.RobustnessNoiseScale));
        Assert.Contains("RobustnessMaxFlipShare must lie in [0, 1], not 1.5.", refused.Message, StringComparison.Ordinal);
    }
}
