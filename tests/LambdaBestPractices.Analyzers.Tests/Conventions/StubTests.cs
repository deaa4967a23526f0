using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Model;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace LambdaBestPractices.Analyzers.Tests.Conventions;

/// <summary>
/// The analyzers bind by metadata name: a name in <see cref="KnownTypes"/> that no stub (or served package) declares
/// means a rule that never fires. This makes the stubs and the constants check each other.
/// </summary>
public class StubTests
{
    public static TheoryData<string> MetadataNames()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(KnownTypes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.IsLiteral && field.GetRawConstantValue() is string value && value.Contains('.') && !field.Name.EndsWith("Namespace"))
            {
                data.Add(value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MetadataNames))]
    public async Task KnownType_IsDeclaredExactlyOnceByTheReferenceSet(string metadataName)
    {
        // ASP.NET Core on Lambda: the ASP.NET Core reference pack and the AspNetCoreServer stubs, as a web project has them.
        var web = metadataName.StartsWith("Microsoft.AspNetCore.", System.StringComparison.Ordinal) || metadataName.StartsWith("Amazon.Lambda.AspNetCoreServer.", System.StringComparison.Ordinal);
        var compilation = web
            ? await AnalyzerCatalog.CompileAsync(TestReferences.ReferenceSets.Net80WithAwsAndAspNetCore, Stubs.AllWithAspNetCore, OutputKind.DynamicallyLinkedLibrary, ("Empty.cs", ""))
            : await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Empty.cs", ""));
        Assert.Single(compilation.GetTypesByMetadataName(metadataName));
    }

    [Fact]
    public async Task EntryPointFactories_HaveTheMethodsTheModelMatches()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Empty.cs", ""));
        Assert.NotEmpty(compilation.GetTypeByMetadataName(KnownTypes.LambdaBootstrapBuilder)!.GetMembers(KnownTypes.LambdaBootstrapBuilderCreate).OfType<IMethodSymbol>());
        Assert.NotEmpty(compilation.GetTypeByMetadataName(KnownTypes.HandlerWrapper)!.GetMembers(KnownTypes.HandlerWrapperGetHandlerWrapper).OfType<IMethodSymbol>());
    }

    [Fact]
    public void EveryStub_CompilesOnItsOwnWithItsDependencies()
    {
        foreach (var (stub, _, assembly) in ApiSurface.All)
        {
            var references = ApiSurface.References(stub);
            Assert.Contains(references, r => r.Display == assembly + ".dll");
        }
    }

    [Fact]
    public async Task Stubs_UseTheRealNamespacesAndNesting()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Empty.cs", ""));
        foreach (var name in new[]
        {
            "Amazon.Lambda.SQSEvents.SQSEvent+SQSMessage",
            "Amazon.Lambda.SNSEvents.SNSEvent+SNSRecord",
            "Amazon.Lambda.SNSEvents.SNSEvent+SNSMessage",
            "Amazon.Lambda.S3Events.S3Event+S3EventNotificationRecord",
            "Amazon.Lambda.S3Events.S3Event+S3BucketEntity",
            "Amazon.Lambda.DynamoDBEvents.DynamoDBEvent+DynamodbStreamRecord",
            "Amazon.Lambda.KinesisEvents.KinesisEvent+KinesisEventRecord",
            "Amazon.Lambda.APIGatewayEvents.APIGatewayProxyRequest+ProxyRequestContext",
            "Amazon.Lambda.Model.InvokeRequest",
            "Amazon.Lambda.InvocationType",
            "Amazon.Lambda.AmazonLambdaClient",
            "Amazon.SecretsManager.Model.GetSecretValueRequest",
            "Amazon.SimpleNotificationService.Model.PublishRequest",
        })
        {
            Assert.True(compilation.GetTypeByMetadataName(name) is not null, name);
        }

        Assert.True(compilation.GetTypeByMetadataName("Amazon.Lambda.AmazonLambdaClient")!.BaseType!.ToDisplayString() == "Amazon.Runtime.AmazonServiceClient");
    }
}
