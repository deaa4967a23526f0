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
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LBP101CreateClientsOnceAnalyzer : InvocationPathAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LBP101_CreateSdkClientsOnce, Descriptors.LBP101_CreateSdkClientsOnce_CrossType);

    private protected override DiagnosticDescriptor LiveDescriptor => Descriptors.LBP101_CreateSdkClientsOnce;

    private protected override DiagnosticDescriptor CrossTypeDescriptor => Descriptors.LBP101_CreateSdkClientsOnce_CrossType;

    private protected override void RegisterSiteActions(SymbolStartAnalysisContext context, LambdaSymbols symbols, Action<PathSite> report)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        context.RegisterOperationAction(
            operationContext =>
            {
                var creation = (IObjectCreationOperation)operationContext.Operation;
                if (!SymbolEqualityComparer.Default.Equals(operationContext.ContainingSymbol.ContainingType, type)
                    || !symbols.IsSdkClient(creation.Type)
                    || InitCode.IsLazyMemberInitialization(creation))
                {
                    return;
                }

                report(new PathSite(
                    creation.ContainingFunction(operationContext.ContainingSymbol),
                    creation.Syntax.GetLocation(),
                    ImmutableArray.Create<object?>(creation.Type!.Name)));
            },
            OperationKind.ObjectCreation);
    }
}
