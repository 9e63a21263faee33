using System.Text.Json.Serialization;

namespace MLOps.Core.Requirements;

/// <summary>A rollout strategy the deployment pipeline may use; the spec lists them in order of preference.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(CanaryDeployment), "Canary")]
[JsonDerivedType(typeof(LinearDeployment), "Linear")]
[JsonDerivedType(typeof(BlueGreenDeployment), "BlueGreen")]
[JsonDerivedType(typeof(ShadowDeployment), "Shadow")]
[JsonDerivedType(typeof(AbTestDeployment), "AB")]
public abstract record DeploymentPreference;
