using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Model;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace LambdaBestPractices.Analyzers.Tests.Model;

/// <summary>
/// The security rules bind by metadata name, like the others (StubTests): every name they use must be declared exactly
/// once by the reference set (the real AWSSDK packages, .NET, or a stub), or a rule silently never fires.
/// </summary>
public class SecuritySymbolsTests
{
    [Theory]
    [InlineData(SecuritySymbols.EnvironmentType)]
    [InlineData(SecuritySymbols.ConvertType)]
    [InlineData(SecuritySymbols.MemoryStreamType)]
    [InlineData(SecuritySymbols.TimeSpanType)]
    [InlineData(SecuritySymbols.DecryptRequest)]
    [InlineData(SecuritySymbols.BasicAWSCredentials)]
    [InlineData(SecuritySymbols.SessionAWSCredentials)]
    [InlineData(SecuritySymbols.CdkFunction)]
    [InlineData(SecuritySymbols.CdkFunctionProps)]
    [InlineData(SecuritySymbols.CdkFunctionOptions)]
    [InlineData(SecuritySymbols.SsmClient)]
    [InlineData(SecuritySymbols.SecretsManagerClient)]
    public async Task MetadataName_IsDeclaredExactlyOnceByTheReferenceSet(string metadataName)
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Empty.cs", ""));
        Assert.Single(compilation.GetTypesByMetadataName(metadataName));
    }

    [Fact]
    public async Task TheMembersTheRulesMatch_Exist()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Empty.cs", ""));
        var symbols = SecuritySymbols.For(compilation);
        Assert.True(symbols.HasCdkLambda);
        Assert.NotEmpty(compilation.GetTypeByMetadataName(SecuritySymbols.EnvironmentType)!.GetMembers(SecuritySymbols.GetEnvironmentVariable));
        Assert.NotEmpty(compilation.GetTypeByMetadataName(SecuritySymbols.EnvironmentType)!.GetMembers(SecuritySymbols.SetEnvironmentVariable));
        Assert.NotEmpty(compilation.GetTypeByMetadataName(SecuritySymbols.DecryptRequest)!.GetMembers(SecuritySymbols.CiphertextBlob));
        Assert.True(symbols.IsCdkEnvironmentProperty((IPropertySymbol)compilation.GetTypeByMetadataName(SecuritySymbols.CdkFunctionProps)!.GetMembers(SecuritySymbols.CdkEnvironment)[0]));
        Assert.True(symbols.IsCdkAddEnvironment((IMethodSymbol)compilation.GetTypeByMetadataName(SecuritySymbols.CdkFunction)!.GetMembers(SecuritySymbols.CdkAddEnvironment)[0]));

        // The client constructors that take keys name them as the rule expects (AWSSDK.S3 4.x, real package).
        var s3 = compilation.GetTypeByMetadataName("Amazon.S3.AmazonS3Client")!;
        Assert.Contains(s3.InstanceConstructors, c => c.Parameters.Length == 3
            && c.Parameters[0].Name == SecuritySymbols.AccessKeyIdParameter
            && c.Parameters[1].Name == SecuritySymbols.SecretAccessKeyParameter
            && c.Parameters[2].Name == SecuritySymbols.SessionTokenParameter);
    }

    [Fact]
    public async Task WithoutCdk_HasCdkLambdaIsFalse()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.LambdaCore, OutputKind.DynamicallyLinkedLibrary, ("Empty.cs", ""));
        Assert.False(SecuritySymbols.For(compilation).HasCdkLambda);
    }
}
