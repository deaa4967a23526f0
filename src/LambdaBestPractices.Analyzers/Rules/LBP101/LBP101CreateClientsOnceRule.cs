using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP101: an AWS SDK client (or DynamoDBContext, TransferUtility, HttpClient) constructed on a handler's invocation path.
/// </summary>
public sealed class LBP101CreateClientsOnceRule : PathRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LBP101_CreateSdkClientsOnce, Descriptors.LBP101_CreateSdkClientsOnce_CrossType);

    private protected override DiagnosticDescriptor LiveDescriptor => Descriptors.LBP101_CreateSdkClientsOnce;

    private protected override DiagnosticDescriptor CrossTypeDescriptor => Descriptors.LBP101_CreateSdkClientsOnce_CrossType;

    private protected override bool RegisterSiteActions(TypeStart context, LambdaSymbols symbols, TypeSites sites)
    {
        var thirdParty = ThirdPartyClientsOf(context, symbols);
        context.RegisterOperationAction(
            operationContext =>
            {
                var creation = (IObjectCreationOperation)operationContext.Operation;

                // The created client, or (AWSSDK v4) the DynamoDBContext built by `new DynamoDBContextBuilder()...Build()`.
                IOperation? client = thirdParty.Classify(creation.Type, creation.Syntax.SyntaxTree) switch
                {
                    CreatedType.Client => creation,
                    CreatedType.ContextBuilder => BuildCallOf(creation),
                    _ => null,
                };
                if (client?.Type is not { } clientType || InitCode.IsLazyMemberInitialization(client) || InitCode.IsPerKeyCacheFactory(client, symbols))
                {
                    return;
                }

                sites.Add(new PathSite(
                    client.ContainingFunction(operationContext.ContainingSymbol),
                    client.Syntax.GetLocation(),
                    ImmutableArray.Create<object?>(BuiltTypeName(clientType))));
            },
            OperationKind.ObjectCreation);

        // `ConnectionMultiplexer.Connect(...)`, `await ConnectionMultiplexer.ConnectAsync(...)`, `GrpcChannel.ForAddress(...)`:
        // the client comes from a static factory (no fix: the fix moves a `new`).
        context.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                if (ThirdPartyClients.FactoryClient(invocation.TargetMethod) is not { } clientType)
                {
                    return;
                }

                // The value stored is the awaited result for the asynchronous factory (through `.ConfigureAwait(false)`).
                IOperation client = invocation;
                while (client.WalkUpConversion(out var child) is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configured && configured.Instance == child)
                {
                    client = configured;
                }

                if (client.WalkUpConversion(out _) is IAwaitOperation awaited)
                {
                    client = awaited;
                }

                if (InitCode.IsLazyMemberInitialization(client) || InitCode.IsPerKeyCacheFactory(client, symbols))
                {
                    return;
                }

                sites.Add(new PathSite(
                    invocation.ContainingFunction(operationContext.ContainingSymbol),
                    invocation.Syntax.GetLocation(),
                    ImmutableArray.Create<object?>(clientType.Name)));
            },
            OperationKind.Invocation);
        return true;
    }

    // One per compilation and options provider (the per-file option is read once per file).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CodeSettings, ThirdPartyClients> s_thirdParty = new();

    private static ThirdPartyClients ThirdPartyClientsOf(TypeStart context, LambdaSymbols symbols) =>
        s_thirdParty.GetValue(LambdaCompilation.For(symbols.Compilation).Settings(context.Options.AnalyzerConfigOptionsProvider), settings => new ThirdPartyClients(settings, symbols));

    /// <summary>
    /// The <c>Build()</c> that ends a fluent chain on a new builder (<c>new DynamoDBContextBuilder().WithDynamoDBClient(...).Build()</c>),
    /// or null when the builder is stored or passed on (the rule does not follow it further).
    /// </summary>
    private static IInvocationOperation? BuildCallOf(IObjectCreationOperation builder)
    {
        IOperation current = builder;
        while (current.WalkUpConversion(out var child) is IInvocationOperation invocation && invocation.Instance == child)
        {
            if (invocation.TargetMethod.Name == KnownTypes.DynamoDBContextBuilderBuild)
            {
                return invocation;
            }

            current = invocation;
        }

        return null;
    }

    /// <summary>The name the message shows: <c>DynamoDBContext</c> for the built <c>IDynamoDBContext</c>.</summary>
    private static string BuiltTypeName(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Interface && type.Name.Length > 1 && type.Name[0] == 'I' ? type.Name.Substring(1) : type.Name;
}
