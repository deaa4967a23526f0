// Mirrors NuGet package: Amazon.Lambda.Serialization.SystemTextJson (release current in the reference listing,
// July 2026; the reference does not pin a version number), net8.0 build.
// TEST/SAMPLE STUB of the public API surface only: namespaces, nesting, member names and types follow the
// published package; this is NOT the real implementation (bodies throw or return defaults).
// Checked against shared/reference/amazon-lambda-api.txt; accessibility (protected members) checked against the
// package's sources. Not stubbed: LambdaJsonSerializer (legacy), AwsNamingPolicy, JsonSerializerException,
// the Converters namespace.
// Requires: AmazonLambdaCore.cs
// Nullable: the real assembly is nullable-oblivious, so this file is too (#nullable disable).

#nullable disable

using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using Amazon.Lambda.Core;

namespace Amazon.Lambda.Serialization.SystemTextJson
{
    public abstract class AbstractLambdaJsonSerializer
    {
        protected AbstractLambdaJsonSerializer(Action<JsonWriterOptions> jsonWriterCustomizer) { }

        protected JsonWriterOptions WriterOptions => throw null!;

        public void Serialize<T>(T response, Stream responseStream) { }

        public T Deserialize<T>(Stream requestStream) => throw null!;

        protected abstract void InternalSerialize<T>(Utf8JsonWriter writer, T response);

        protected abstract T InternalDeserialize<T>(byte[] utf8Json);

        protected virtual JsonSerializerOptions CreateDefaultJsonSerializationOptions() => throw null!;
    }

    public class DefaultLambdaJsonSerializer : AbstractLambdaJsonSerializer, ILambdaSerializer
    {
        public DefaultLambdaJsonSerializer()
            : base(null)
        {
        }

        public DefaultLambdaJsonSerializer(Action<JsonSerializerOptions> customizer)
            : base(null)
        {
        }

        public DefaultLambdaJsonSerializer(Action<JsonSerializerOptions> customizer, Action<JsonWriterOptions> jsonWriterCustomizer)
            : base(jsonWriterCustomizer)
        {
        }

        protected JsonSerializerOptions SerializerOptions => throw null!;

        protected override void InternalSerialize<T>(Utf8JsonWriter writer, T response) { }

        protected override T InternalDeserialize<T>(byte[] utf8Json) => throw null!;
    }

    public class CamelCaseLambdaJsonSerializer : DefaultLambdaJsonSerializer
    {
        public CamelCaseLambdaJsonSerializer() { }
    }

    public class SourceGeneratorLambdaJsonSerializer<TSGContext> : AbstractLambdaJsonSerializer, ILambdaSerializer
        where TSGContext : JsonSerializerContext
    {
        public SourceGeneratorLambdaJsonSerializer()
            : base(null)
        {
        }

        public SourceGeneratorLambdaJsonSerializer(Action<JsonSerializerOptions> customizer)
            : base(null)
        {
        }

        public SourceGeneratorLambdaJsonSerializer(Action<JsonWriterOptions> jsonWriterCustomizer)
            : base(jsonWriterCustomizer)
        {
        }

        public SourceGeneratorLambdaJsonSerializer(Action<JsonSerializerOptions> customizer, Action<JsonWriterOptions> jsonWriterCustomizer)
            : base(jsonWriterCustomizer)
        {
        }

        public SourceGeneratorLambdaJsonSerializer(TSGContext jsonSerializerContext, Action<JsonSerializerOptions> customizer = null, Action<JsonWriterOptions> jsonWriterCustomizer = null)
            : base(jsonWriterCustomizer)
        {
        }

        protected JsonSerializerOptions SerializerOptions => throw null!;

        protected override void InternalSerialize<T>(Utf8JsonWriter writer, T response) { }

        protected override T InternalDeserialize<T>(byte[] utf8Json) => throw null!;
    }
}
