using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;

// Converts the Lambda JSON input/output of every handler in this assembly.
[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]
