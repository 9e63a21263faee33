using MLOps.Core.Experiments;
using MLOps.Training.Trainers;

namespace MLOps.UnitTests.Training.Trainers;

public class DefaultSearchSpacesTests
{
    [Fact]
    public void Every_algorithm_has_a_space_whose_defaults_lie_inside_it()
    {
        foreach (Algorithm algorithm in Enum.GetValues<Algorithm>())
        {
            SearchSpace space = DefaultSearchSpaces.For(algorithm);
            IReadOnlyDictionary<string, string> defaults = TrainerDefaults.For(algorithm);

            Assert.Equal(algorithm.ToString(), space.Algorithm);
            Assert.NotEmpty(space.Parameters);
            Assert.All(space.Parameters, r =>
            {
                Assert.True(r.Low < r.High, r.Name);
                Assert.True(r.Kind != ParameterKind.LogFloat || r.Low > 0, r.Name);
                double? value = TrialParameters.GetDouble(defaults, r.Name);
                Assert.True(value is null || r.Name == HyperParameters.L2Regularization || (value >= r.Low && value <= r.High), $"{algorithm}.{r.Name}");
            });
        }
    }
}
