using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LambdaBestPractices.Analyzers.TestReferences;

/// <summary>Stubs of the public API of packages the registry does not serve, one per NuGet package.</summary>
[Flags]
public enum Stubs
{
    None = 0,
    LambdaCore = 1 << 0,
    S3Events = 1 << 1,
    SqsEvents = 1 << 2,
    SnsEvents = 1 << 3,
    DynamoDBEvents = 1 << 4,
    KinesisEvents = 1 << 5,
    ApiGatewayEvents = 1 << 6,
    CloudWatchEvents = 1 << 7,
    KafkaEvents = 1 << 8,
    ApplicationLoadBalancerEvents = 1 << 9,
    RuntimeSupport = 1 << 10,
    SystemTextJsonSerializer = 1 << 11,
    Annotations = 1 << 12,
    SdkLambda = 1 << 13,
    SdkSecretsManager = 1 << 14,
    SdkSecretsManagerCaching = 1 << 15,
    SdkSns = 1 << 16,
    SdkKinesis = 1 << 17,
    SdkStepFunctions = 1 << 18,
    SdkEventBridge = 1 << 19,
    Constructs = 1 << 20,
    Cdk = 1 << 21,
    PowertoolsIdempotency = 1 << 22,

    /// <summary>Amazon.Lambda.AspNetCoreServer: compiled against <see cref="ReferenceSets.Net80WithAwsAndAspNetCore"/>, so not in <see cref="All"/>.</summary>
    AspNetCoreServer = 1 << 23,

    /// <summary>Amazon.Lambda.AspNetCoreServer.Hosting (<c>AddAWSLambdaHosting</c>); not in <see cref="All"/>.</summary>
    AspNetCoreServerHosting = 1 << 24,

    Events = S3Events | SqsEvents | SnsEvents | DynamoDBEvents | KinesisEvents | ApiGatewayEvents | CloudWatchEvents | KafkaEvents | ApplicationLoadBalancerEvents,
    Sdk = SdkLambda | SdkSecretsManager | SdkSecretsManagerCaching | SdkSns | SdkKinesis | SdkStepFunctions | SdkEventBridge,
    All = LambdaCore | Events | RuntimeSupport | SystemTextJsonSerializer | Annotations | Sdk | Cdk | PowertoolsIdempotency,

    /// <summary>Everything an ASP.NET Core function on Lambda references: <see cref="All"/> and the AspNetCoreServer packages (with the ASP.NET Core reference set).</summary>
    AllWithAspNetCore = All | AspNetCoreServer | AspNetCoreServerHosting,
}

/// <summary>
/// The one compiler of the stub sources in tests/ApiSurface, used by the tests and by bench/: one in-memory assembly per
/// package, named like the real one and compiled against <see cref="ReferenceSets.Net80WithAws"/>, so test code sees them
/// from metadata exactly as a user's project sees the real packages. Each stub is compiled once per process.
/// </summary>
public static class ApiSurface
{
    // The AspNetCoreServer packages need the ASP.NET Core shared framework: they compile against Net80WithAwsAndAspNetCore
    // (WebStubs), the others against Net80WithAws.
    private const Stubs WebStubs = Stubs.AspNetCoreServer | Stubs.AspNetCoreServerHosting;

    private static readonly (Stubs Stub, string File, string Assembly, Stubs Requires)[] Packages =
    {
        (Stubs.LambdaCore, "AmazonLambdaCore.cs", "Amazon.Lambda.Core", Stubs.None),
        (Stubs.S3Events, "AmazonLambdaS3Events.cs", "Amazon.Lambda.S3Events", Stubs.None),
        (Stubs.SqsEvents, "AmazonLambdaSQSEvents.cs", "Amazon.Lambda.SQSEvents", Stubs.None),
        (Stubs.SnsEvents, "AmazonLambdaSNSEvents.cs", "Amazon.Lambda.SNSEvents", Stubs.None),
        (Stubs.DynamoDBEvents, "AmazonLambdaDynamoDBEvents.cs", "Amazon.Lambda.DynamoDBEvents", Stubs.None),
        (Stubs.SdkKinesis, "AwsSdkKinesis.cs", "AWSSDK.Kinesis", Stubs.None),
        (Stubs.KinesisEvents, "AmazonLambdaKinesisEvents.cs", "Amazon.Lambda.KinesisEvents", Stubs.SdkKinesis),
        (Stubs.ApiGatewayEvents, "AmazonLambdaAPIGatewayEvents.cs", "Amazon.Lambda.APIGatewayEvents", Stubs.None),
        (Stubs.CloudWatchEvents, "AmazonLambdaCloudWatchEvents.cs", "Amazon.Lambda.CloudWatchEvents", Stubs.None),
        (Stubs.KafkaEvents, "AmazonLambdaKafkaEvents.cs", "Amazon.Lambda.KafkaEvents", Stubs.None),
        (Stubs.ApplicationLoadBalancerEvents, "AmazonLambdaApplicationLoadBalancerEvents.cs", "Amazon.Lambda.ApplicationLoadBalancerEvents", Stubs.None),
        (Stubs.RuntimeSupport, "AmazonLambdaRuntimeSupport.cs", "Amazon.Lambda.RuntimeSupport", Stubs.LambdaCore),
        (Stubs.SystemTextJsonSerializer, "AmazonLambdaSerializationSystemTextJson.cs", "Amazon.Lambda.Serialization.SystemTextJson", Stubs.LambdaCore),
        (Stubs.Annotations, "AmazonLambdaAnnotations.cs", "Amazon.Lambda.Annotations", Stubs.LambdaCore),
        (Stubs.SdkLambda, "AwsSdkLambda.cs", "AWSSDK.Lambda", Stubs.None),
        (Stubs.SdkSecretsManager, "AwsSdkSecretsManager.cs", "AWSSDK.SecretsManager", Stubs.None),
        (Stubs.SdkSecretsManagerCaching, "AwsSdkSecretsManagerCaching.cs", "AWSSDK.SecretsManager.Caching", Stubs.SdkSecretsManager),
        (Stubs.SdkSns, "AwsSdkSimpleNotificationService.cs", "AWSSDK.SimpleNotificationService", Stubs.None),
        (Stubs.SdkStepFunctions, "AwsSdkStepFunctions.cs", "AWSSDK.StepFunctions", Stubs.None),
        (Stubs.SdkEventBridge, "AwsSdkEventBridge.cs", "AWSSDK.EventBridge", Stubs.None),
        (Stubs.Constructs, "Constructs.cs", "Constructs", Stubs.None),
        (Stubs.Cdk, "AmazonCdkLib.cs", "Amazon.CDK.Lib", Stubs.Constructs),
        (Stubs.PowertoolsIdempotency, "AwsLambdaPowertoolsIdempotency.cs", "AWS.Lambda.Powertools.Idempotency", Stubs.None),
        (Stubs.AspNetCoreServer, "AmazonLambdaAspNetCoreServer.cs", "Amazon.Lambda.AspNetCoreServer", Stubs.LambdaCore | Stubs.ApiGatewayEvents | Stubs.ApplicationLoadBalancerEvents),
        (Stubs.AspNetCoreServerHosting, "AmazonLambdaAspNetCoreServerHosting.cs", "Amazon.Lambda.AspNetCoreServer.Hosting", Stubs.AspNetCoreServer),
    };

    private static readonly ConcurrentDictionary<Stubs, Lazy<MetadataReference>> Compiled = new();

    /// <summary>Every stub, dependencies before the stubs that need them.</summary>
    public static IEnumerable<(Stubs Stub, string File, string Assembly)> All => Packages.Select(p => (p.Stub, p.File, p.Assembly));

    /// <summary>The source of a stub file, embedded from tests/ApiSurface.</summary>
    public static string Source(string file)
    {
        using var stream = typeof(ApiSurface).Assembly.GetManifestResourceStream("ApiSurface." + file)
            ?? throw new InvalidOperationException($"Stub '{file}' is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Metadata references for the requested stubs and the stubs they depend on (compiled once, then shared).</summary>
    public static ImmutableArray<MetadataReference> References(Stubs stubs)
    {
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var package in Packages)
        {
            if ((WithDependencies(stubs) & package.Stub) != 0)
            {
                builder.Add(Compiled.GetOrAdd(package.Stub, s => new Lazy<MetadataReference>(() => CompileShared(s), LazyThreadSafetyMode.ExecutionAndPublication)).Value);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// Every stub but the ASP.NET Core ones compiled anew from <paramref name="rewrite"/>(stub, source), dependencies first, against
    /// <paramref name="baseReferences"/>: for tests of other shapes of the same packages (older SDK and event versions).
    /// Nothing is cached.
    /// </summary>
    public static ImmutableArray<MetadataReference> CompileRewritten(ImmutableArray<MetadataReference> baseReferences, Func<Stubs, string, string> rewrite)
    {
        var compiled = new Dictionary<Stubs, MetadataReference>();
        var packages = Packages.Where(p => (p.Stub & WebStubs) == 0).ToArray();
        foreach (var package in packages)
        {
            var dependencies = Packages.Where(p => (WithDependencies(package.Requires) & p.Stub) != 0).Select(p => compiled[p.Stub]);
            compiled[package.Stub] = Compile(package.File, package.Assembly, rewrite(package.Stub, Source(package.File)), baseReferences.AddRange(dependencies));
        }

        return packages.Select(p => compiled[p.Stub]).ToImmutableArray();
    }

    private static Stubs WithDependencies(Stubs stubs)
    {
        var result = stubs;
        bool changed;
        do
        {
            changed = false;
            foreach (var package in Packages)
            {
                if ((result & package.Stub) != 0 && (result & package.Requires) != package.Requires)
                {
                    result |= package.Requires;
                    changed = true;
                }
            }
        }
        while (changed);
        return result;
    }

    private static MetadataReference CompileShared(Stubs stub)
    {
        var package = Packages.Single(p => p.Stub == stub);
        var baseReferences = (stub & WebStubs) != 0 ? ReferenceSets.Net80WithAwsAndAspNetCore : ReferenceSets.Net80WithAws;
        var references = baseReferences.AddRange(References(package.Requires));
        return Compile(package.File, package.Assembly, Source(package.File), references);
    }

    private static MetadataReference Compile(string file, string assembly, string source, ImmutableArray<MetadataReference> references)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: file);
        var compilation = CSharpCompilation.Create(
            assembly,
            new[] { tree },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException(
                $"Stub {file} does not compile:{Environment.NewLine}" +
                string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        }

        return MetadataReference.CreateFromImage(stream.ToArray(), filePath: assembly + ".dll");
    }
}
