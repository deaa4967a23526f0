using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP102: configuration or a secret fetched on every invocation. On a handler's invocation path: Parameter Store
/// <c>GetParameter</c>/<c>GetParameters</c>/<c>GetParametersByPath</c> and Secrets Manager <c>GetSecretValue</c>
/// (<see cref="ConfigurationReads"/>) whose value is not kept (<see cref="ConfigurationFetches"/>): not stored in a field or property, a cache held by one
/// (<c>Set</c>, <c>TryAdd</c>, an indexer), lazy initialization (<c>??=</c>, a null-checked assignment), or a per-key cache's
/// factory. A fetch whose value its method returns is decided by the method's callers, at compilation end: silent when
/// any caller keeps the result. <c>Lazy&lt;T&gt;</c> factories, constructors and other init code are off the path already
/// (the handler model). Code fix (<c>LBP102FetchOnceCodeFixProvider</c>): where the call reads nothing of the invocation,
/// it moves into a static helper that keeps the fetch's task; a cache with a TTL, where the value rotates, is shown on the
/// rule page.
/// </summary>
public sealed class LBP102FetchConfigurationOnceRule : PathRule
{
    private static readonly WordSet MentionedWords = WordSet.Of("GetParameter", "GetSecretValue");

    // Per compilation: what callers do with the results of possible fetch helpers.
    private static readonly ConditionalWeakTable<LambdaCompilation, KeptResults> s_keptResults = new();

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LBP102_FetchConfigurationOnce, Descriptors.LBP102_FetchConfigurationOnce_CrossType);

    private protected override DiagnosticDescriptor LiveDescriptor => Descriptors.LBP102_FetchConfigurationOnce;

    private protected override DiagnosticDescriptor CrossTypeDescriptor => Descriptors.LBP102_FetchConfigurationOnce_CrossType;

    /// <summary>Only where Parameter Store or Secrets Manager is referenced.</summary>
    private protected override bool RuleAppliesTo(LambdaSymbols symbols) => symbols.HasParameterStore || symbols.HasSecretsManager;

    private protected override bool RegisterSiteActions(TypeStart context, LambdaSymbols symbols, TypeSites sites)
    {
        var compilation = LambdaCompilation.For(symbols.Compilation);
        var kept = s_keptResults.GetValue(compilation, static _ => new KeptResults());
        var mentions = compilation.Prefilter.Mentions(context.Type, MentionedWords, context.CancellationToken);

        context.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                var method = invocation.TargetMethod;
                if (mentions && ConfigurationReads.WhatIsFetched(method) is { } fetched)
                {
                    if (ConfigurationReads.ReadsAVersion(invocation))
                    {
                        return;
                    }

                    AddSite(invocation, method, fetched, operationContext.ContainingSymbol, symbols, sites, kept);
                }
                else if (IsPossibleFetchHelper(method, compilation, operationContext.CancellationToken))
                {
                    switch (ConfigurationFetches.UseOf(invocation, symbols))
                    {
                        case FetchUse.Cached:
                            kept.AddKept(method);
                            break;
                        case FetchUse.Returned when ReturningMethod(invocation, operationContext.ContainingSymbol) is { } caller:
                            kept.AddReturned(method, caller);
                            break;
                    }
                }
            },
            OperationKind.Invocation);
        return mentions;
    }

    private static void AddSite(IInvocationOperation fetch, IMethodSymbol method, string fetched, ISymbol containingSymbol, LambdaSymbols symbols, TypeSites sites, KeptResults kept)
    {
        var arguments = ImmutableArray.Create<object?>(method.Name, fetched);
        var function = fetch.ContainingFunction(containingSymbol);
        switch (ConfigurationFetches.UseOf(fetch, symbols))
        {
            case FetchUse.NotCached:
                sites.Add(new PathSite(function, fetch.Syntax.GetLocation(), arguments));
                break;

            // Returned by a method or local function: its callers decide. Returned by a lambda (a retry policy's delegate,
            // a factory): where the result goes is not followed, so the rule stays silent.
            case FetchUse.Returned when ReturningMethod(fetch, containingSymbol) is { } helper:
                sites.Add(new ReturnedFetchSite(function, fetch.Syntax.GetLocation(), arguments, helper, kept));
                break;
        }
    }

    private static IMethodSymbol? ReturningMethod(IOperation fetch, ISymbol containingSymbol)
    {
        for (var current = fetch.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case ILocalFunctionOperation local:
                    return local.Symbol;
                case IAnonymousFunctionOperation:
                    return null;
            }
        }

        return containingSymbol as IMethodSymbol;
    }

    /// <summary>
    /// A call whose result may be a fetched value: a method declared in source, returning a value (not <c>void</c>, not a
    /// plain <c>Task</c>), in a type whose files
    /// fetch (a helper), or on an interface or an overridable member (its implementation may be one). The compilation's own
    /// types are told by their assembly first (no allocation); a type declared in source elsewhere (a project reference,
    /// in the IDE) counts too.
    /// </summary>
    private static bool IsPossibleFetchHelper(IMethodSymbol method, LambdaCompilation compilation, System.Threading.CancellationToken cancellationToken) =>
        !method.ReturnsVoid
        && method.ReturnType is not INamedTypeSymbol { Name: "Task" or "ValueTask", IsGenericType: false }
        && method.ContainingType is { } type
        && (type.IsIn(compilation.Symbols.Compilation.Assembly) || !type.DeclaringSyntaxReferences.IsEmpty)
        && (type.TypeKind == TypeKind.Interface || method.IsAbstract || method.IsVirtual || compilation.Prefilter.Mentions(type, MentionedWords, cancellationToken));

    private protected override Diagnostic? CreateCrossTypeDiagnostic(DiagnosticDescriptor descriptor, RuleSite site, Reachability reach)
    {
        if (site is not ReturnedFetchSite returned)
        {
            return base.CreateCrossTypeDiagnostic(descriptor, site, reach);
        }

        return reach.SourcesReaching(site.Function) == EventSources.None || returned.KeptResults.IsKept(returned.Helper)
            ? null
            : Diagnostic.Create(descriptor, site.Location, System.Linq.ImmutableArrayExtensions.ToArray(returned.MessageArguments));
    }

    /// <summary>A fetch whose value its method returns: reported at compilation end unless a caller keeps the result.</summary>
    private sealed class ReturnedFetchSite : RuleSite
    {
        public ReturnedFetchSite(FunctionKey function, Location location, ImmutableArray<object?> messageArguments, IMethodSymbol helper, KeptResults keptResults)
            : base(function, location)
        {
            MessageArguments = messageArguments;
            Helper = helper;
            KeptResults = keptResults;
        }

        /// <summary>What the compilation's callers do with helpers' results (complete at compilation end).</summary>
        public KeptResults KeptResults { get; }

        public ImmutableArray<object?> MessageArguments { get; }

        public IMethodSymbol Helper { get; }

        // Decided at compilation end, when every caller has been seen.
        public override Diagnostic? CreateDiagnostic(DiagnosticDescriptor descriptor, EventSources reachingSources) => null;
    }
}
