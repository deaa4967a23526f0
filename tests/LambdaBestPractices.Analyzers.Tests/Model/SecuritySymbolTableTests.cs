using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Model;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace LambdaBestPractices.Analyzers.Tests.Model;

/// <summary>
/// The security rules bind by metadata name, like the others (StubTests): every name they use must be declared exactly
/// once by the reference set (the real AWSSDK packages, .NET, or a stub), or a rule silently never fires.
/// </summary>
public class SecuritySymbolTableTests
{
    [Theory]
    [InlineData(KnownTypes.EnvironmentType)]
    [InlineData(KnownTypes.ConvertType)]
    [InlineData(KnownTypes.MemoryStreamType)]
    [InlineData(KnownTypes.TimeSpanType)]
    [InlineData(KnownTypes.DecryptRequest)]
    [InlineData(KnownTypes.BasicAWSCredentials)]
    [InlineData(KnownTypes.SessionAWSCredentials)]
    [InlineData(KnownTypes.CdkFunction)]
    [InlineData(KnownTypes.CdkFunctionProps)]
    [InlineData(KnownTypes.CdkFunctionOptions)]
    [InlineData(KnownTypes.SsmClient)]
    [InlineData(KnownTypes.SecretsManagerClient)]
    public async Task MetadataName_IsDeclaredExactlyOnceByTheReferenceSet(string metadataName)
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Empty.cs", ""));
        Assert.Single(compilation.GetTypesByMetadataName(metadataName));
    }

    [Fact]
    public async Task TheMembersTheRulesMatch_Exist()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Empty.cs", ""));
        var symbols = LambdaSymbols.For(compilation);
        Assert.True(symbols.HasCdkLambda);
        Assert.NotEmpty(compilation.GetTypeByMetadataName(KnownTypes.EnvironmentType)!.GetMembers(KnownTypes.GetEnvironmentVariable));
        Assert.NotEmpty(compilation.GetTypeByMetadataName(KnownTypes.EnvironmentType)!.GetMembers(KnownTypes.SetEnvironmentVariable));
        Assert.NotEmpty(compilation.GetTypeByMetadataName(KnownTypes.DecryptRequest)!.GetMembers(KnownTypes.CiphertextBlob));
        Assert.True(symbols.IsCdkEnvironmentProperty((IPropertySymbol)compilation.GetTypeByMetadataName(KnownTypes.CdkFunctionProps)!.GetMembers(KnownTypes.CdkEnvironment)[0]));
        Assert.True(symbols.IsCdkAddEnvironment((IMethodSymbol)compilation.GetTypeByMetadataName(KnownTypes.CdkFunction)!.GetMembers(KnownTypes.CdkAddEnvironment)[0]));

        // The client constructors that take keys name them as the rule expects (AWSSDK.S3 4.x, real package).
        var s3 = compilation.GetTypeByMetadataName("Amazon.S3.AmazonS3Client")!;
        Assert.Contains(s3.InstanceConstructors, c => c.Parameters.Length == 3
            && c.Parameters[0].Name == KnownTypes.AccessKeyIdParameter
            && c.Parameters[1].Name == KnownTypes.SecretAccessKeyParameter
            && c.Parameters[2].Name == KnownTypes.SessionTokenParameter);
    }

    [Fact]
    public async Task WithoutCdk_HasCdkLambdaIsFalse()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.LambdaCore, OutputKind.DynamicallyLinkedLibrary, ("Empty.cs", ""));
        Assert.False(LambdaSymbols.For(compilation).HasCdkLambda);
    }
}
