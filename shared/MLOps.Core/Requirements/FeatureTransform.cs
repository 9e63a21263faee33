using System.Text.Json.Serialization;

namespace MLOps.Core.Requirements;

/// <summary>How a feature is derived from its sources; the JSON carries the variant in <c>kind</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(IdentityTransform), "Identity")]
[JsonDerivedType(typeof(OneHotTransform), "OneHot")]
[JsonDerivedType(typeof(HashingTransform), "Hashing")]
[JsonDerivedType(typeof(StandardizeTransform), "Standardize")]
[JsonDerivedType(typeof(BucketizeTransform), "Bucketize")]
[JsonDerivedType(typeof(LogTransform), "Log")]
[JsonDerivedType(typeof(RatioTransform), "Ratio")]
[JsonDerivedType(typeof(DatePartTransform), "DatePart")]
public abstract record FeatureTransform;
