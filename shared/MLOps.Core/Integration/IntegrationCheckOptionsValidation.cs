using Microsoft.Extensions.Options;

namespace MLOps.Core.Integration;

/// <summary>Refuses unusable integration bounds when the options are first read, naming every bad setting.</summary>
public sealed class IntegrationCheckOptionsValidation : IValidateOptions<IntegrationCheckOptions>
{
    public ValidateOptionsResult Validate(string? name, IntegrationCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
