using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// The .NET, AWS SDK and AWS CDK types of one compilation that the security rules (LBP301, LBP302) match, resolved once
/// per compilation. Like <see cref="LambdaSymbols"/>, each name resolves to every type that carries it.
/// </summary>
internal sealed class SecuritySymbols
{
    // .NET
    public const string EnvironmentType = "System.Environment";
    public const string ConvertType = "System.Convert";
    public const string MemoryStreamType = "System.IO.MemoryStream";
    public const string TimeSpanType = "System.TimeSpan";
    public const string GetEnvironmentVariable = "GetEnvironmentVariable";
    public const string SetEnvironmentVariable = "SetEnvironmentVariable";
    public const string FromBase64String = "FromBase64String";

    // AWSSDK.KeyManagementService: Convert.FromBase64String(env) -> new MemoryStream(...) -> DecryptRequest.CiphertextBlob.
    public const string DecryptRequest = "Amazon.KeyManagementService.Model.DecryptRequest";
    public const string CiphertextBlob = "CiphertextBlob";

    // AWSSDK.Core credentials (LBP302). Client constructors name their key parameters awsAccessKeyId / awsSecretAccessKey.
    public const string BasicAWSCredentials = "Amazon.Runtime.BasicAWSCredentials";
    public const string SessionAWSCredentials = "Amazon.Runtime.SessionAWSCredentials";
    public const string AccessKeyIdParameter = "awsAccessKeyId";
    public const string SecretAccessKeyParameter = "awsSecretAccessKey";
    public const string SessionTokenParameter = "awsSessionToken";

    // AWS CDK v2 (Amazon.CDK.Lib): jsii declares Environment on IFunctionOptions and on every props class implementing it.
    public const string CdkFunction = "Amazon.CDK.AWS.Lambda.Function";
    public const string CdkFunctionProps = "Amazon.CDK.AWS.Lambda.FunctionProps";
    public const string CdkFunctionOptions = "Amazon.CDK.AWS.Lambda.IFunctionOptions";
    public const string CdkEnvironment = "Environment";
    public const string CdkAddEnvironment = "AddEnvironment";

    // The stores the LBP301 fix loads from (the fix is only offered when one of them is referenced).
    public const string SsmClient = "Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementClient";
    public const string SecretsManagerClient = "Amazon.SecretsManager.AmazonSecretsManagerClient";

    private static readonly ConditionalWeakTable<Compilation, SecuritySymbols> Cache = new();

    private SecuritySymbols(Compilation compilation)
    {
        Environment = compilation.GetTypesByMetadataName(EnvironmentType);
        Convert = compilation.GetTypesByMetadataName(ConvertType);
        MemoryStream = compilation.GetTypesByMetadataName(MemoryStreamType);
        TimeSpan = compilation.GetTypesByMetadataName(TimeSpanType);
        DecryptRequestTypes = compilation.GetTypesByMetadataName(DecryptRequest);
        Credentials = compilation.GetTypesByMetadataName(BasicAWSCredentials).AddRange(compilation.GetTypesByMetadataName(SessionAWSCredentials));
        CdkFunctions = compilation.GetTypesByMetadataName(CdkFunction);
        CdkFunctionPropsTypes = compilation.GetTypesByMetadataName(CdkFunctionProps);
        CdkFunctionOptionsTypes = compilation.GetTypesByMetadataName(CdkFunctionOptions);
        HasCdkLambda = !CdkFunctions.IsEmpty || !CdkFunctionPropsTypes.IsEmpty || !CdkFunctionOptionsTypes.IsEmpty;
    }

    public ImmutableArray<INamedTypeSymbol> Environment { get; }

    public ImmutableArray<INamedTypeSymbol> Convert { get; }

    public ImmutableArray<INamedTypeSymbol> MemoryStream { get; }

    public ImmutableArray<INamedTypeSymbol> TimeSpan { get; }

    public ImmutableArray<INamedTypeSymbol> DecryptRequestTypes { get; }

    /// <summary><c>BasicAWSCredentials</c> and <c>SessionAWSCredentials</c>.</summary>
    public ImmutableArray<INamedTypeSymbol> Credentials { get; }

    public ImmutableArray<INamedTypeSymbol> CdkFunctions { get; }

    public ImmutableArray<INamedTypeSymbol> CdkFunctionPropsTypes { get; }

    public ImmutableArray<INamedTypeSymbol> CdkFunctionOptionsTypes { get; }

    /// <summary>The compilation references <c>Amazon.CDK.AWS.Lambda</c>: the CDK forms of LBP301 apply, Lambda project or not.</summary>
    public bool HasCdkLambda { get; }

    public static SecuritySymbols For(Compilation compilation) => Cache.GetValue(compilation, static c => new SecuritySymbols(c));

    public bool IsEnvironmentMethod(IMethodSymbol? method, string name) =>
        method is not null && method.Name == name && LambdaSymbols.Contains(Environment, method.ContainingType);

    /// <summary><c>Environment</c> of <c>FunctionProps</c>, <c>IFunctionOptions</c> or any props class implementing it.</summary>
    public bool IsCdkEnvironmentProperty(IPropertySymbol? property)
    {
        if (property is null || property.Name != CdkEnvironment || property.IsIndexer || !HasCdkLambda)
        {
            return false;
        }

        var type = property.ContainingType;
        if (LambdaSymbols.Contains(CdkFunctionPropsTypes, type) || LambdaSymbols.Contains(CdkFunctionOptionsTypes, type))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (LambdaSymbols.Contains(CdkFunctionOptionsTypes, implemented))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>Function.AddEnvironment(key, value, options)</c>, also called on a subclass (<c>DockerImageFunction</c>).</summary>
    public bool IsCdkAddEnvironment(IMethodSymbol? method) =>
        method is not null && method.Name == CdkAddEnvironment && LambdaSymbols.InheritsFromAny(CdkFunctions, method.ContainingType);
}
